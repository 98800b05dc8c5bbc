;;; -*- lexical-binding: t -*-
;; (defvar x) without a value makes x special only locally, and
;; defvar inside a function body.
(defun uses-y () (condition-case nil y (void-variable 'void)))
(let ((y 1)) (print (uses-y)))
(defvar y)
(let ((y 2)) (print (uses-y)))
(print (boundp 'y))
(print (special-variable-p 'y))
