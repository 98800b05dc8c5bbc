;;; -*- lexical-binding: t -*-
;; Closures do not capture special variables.
(defvar sp 'global)
(defun make-sp-reader () (let ((sp 'at-creation)) (lambda () sp)))
(print (funcall (make-sp-reader)))
(let ((sp 'at-call))
  (print (funcall (make-sp-reader))))
(let ((f (lambda () sp)))
  (let ((sp 'rebound))
    (print (funcall f))))
