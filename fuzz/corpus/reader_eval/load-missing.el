;;; -*- lexical-binding: t -*-
;; Loading a missing file.
(setq load-path (cons "lib" load-path))
(print (load "no-such-file-here" t t))
(print (condition-case e (load "no-such-file-here" nil t) (error e)))
(print (condition-case e (load "no-such-file-here" nil t) (file-error (car e))))
(print (get 'file-missing 'error-conditions))
