;;; -*- lexical-binding: t -*-
;; Helper loaded by the load-* and features-* cases; not a case itself.
(defvar greet-count 0)
(setq greet-count (1+ greet-count))
(defun greet (name) (format "Hello, %s!" name))
(defmacro greet-twice (x) `(list ,x ,x))
(princ "greet.el loaded\n")
(provide 'greet)
