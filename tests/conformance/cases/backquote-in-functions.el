;;; -*- lexical-binding: t -*-
;; Backquote used at run time inside functions builds fresh structure.
(defun make-pair (a b) `(,a . ,b))
(defun make-form (op args) `(,op ,@args))
(print (make-pair 1 2))
(print (make-form '+ '(1 2 3)))
(print (eval (make-form '+ '(1 2 3)) t))
(let ((p1 (make-pair 1 2)) (p2 (make-pair 1 2)))
  (print (eq p1 p2))
  (print (equal p1 p2)))
(defun wrap (x) `(wrapped ,x [,x]))
(print (mapcar #'wrap '(a "b")))
