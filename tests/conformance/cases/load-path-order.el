;;; -*- lexical-binding: t -*-
;; load-path is searched in order; the first match wins.
(setq load-path (cons "lib" load-path))
(print (car load-path))
(print (load "no-provide" nil t))
(print (no-provide-fn))
(print (condition-case e (load "no-provide-missing" nil t) (file-missing 'missing)))
