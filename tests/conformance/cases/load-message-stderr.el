;;; -*- lexical-binding: t -*-
;; Output from loaded files goes to the same streams.
(setq load-path (cons "lib" load-path))
(message "before load")
(load "greet" nil t)
(message "after load: %s" (greet "stderr"))
(princ "done\n")
