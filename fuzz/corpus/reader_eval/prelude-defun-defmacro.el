;;; -*- lexical-binding: t -*-
;; defun and defmacro return the name; docstrings are not part of the value.
(print (defun pd-f () "Doc." 1))
(print (defmacro pd-m () "Doc." 1))
(print (pd-f))
(print (pd-m))
(print (symbol-function 'pd-f))
(print (car (symbol-function 'pd-m)))
(defun pd-decl (x) (declare (indent 1)) x)
(print (pd-decl 'declared))
