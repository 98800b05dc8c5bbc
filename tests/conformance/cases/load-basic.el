;;; -*- lexical-binding: t -*-
;; load with a relative directory on load-path (NOMESSAGE avoids the
;; "Loading /absolute/path..." message on standard error).
(setq load-path (cons "lib" load-path))
(print (load "greet" nil t))
(print (greet "world"))
(print greet-count)
(print (greet-twice 1))
(print (load "greet" nil t))
(print greet-count)
(print (load "greet.el" nil t))
(print greet-count)
