;;; -*- lexical-binding: t -*-
;; setq on an undeclared variable sets the global value.
(defun set-g () (setq undeclared-g 'set-in-fn))
(set-g)
(print undeclared-g)
(defun read-g () undeclared-g)
(print (read-g))
(let ((undeclared-g 'lexical-shadow))
  (print (read-g))
  (print undeclared-g))
(print (special-variable-p 'undeclared-g))
