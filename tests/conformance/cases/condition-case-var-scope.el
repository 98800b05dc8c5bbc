;;; -*- lexical-binding: t -*-
;; The error variable is lexically bound in the handler only.
(let ((e 'outer-e))
  (print (condition-case e (car 1) (error (car e))))
  (print e))
(print (condition-case e (car 1) (error (let ((f (lambda () e))) (funcall f)))))
(print (condition-case e 'body-value (error e)))
(print (let ((handlers nil))
         (dolist (x '(1 a 2))
           (push (condition-case err (+ x 1) (error (cadr err))) handlers))
         (nreverse handlers)))
