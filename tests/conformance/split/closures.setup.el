;;; -*- lexical-binding: t -*-
(defun make-counter (start)
  (let ((n start)) (lambda () (setq n (1+ n)))))
(defvar counter-a (make-counter 10))
(defvar counter-b (make-counter 100))
(funcall counter-a)
(defun compose (f g) (lambda (x) (funcall f (funcall g x))))
(defvar add1-then-double (compose (lambda (x) (* 2 x)) #'1+))
(print (list 'setup (funcall counter-a)))
