;;; -*- lexical-binding: t -*-
;; Immediately invoked lambdas and function-valued variables.
(print ((lambda (x) (+ x 1)) 1))
(print (funcall (let ((k 2)) (lambda (x) (* k x))) 21))
(let ((ops (list (cons 'add #'+) (cons 'mul #'*))))
  (print (funcall (cdr (assq 'add ops)) 2 3))
  (print (funcall (cdr (assq 'mul ops)) 2 3)))
(let ((f #'car))
  (print (funcall f '(1 2)))
  (print (condition-case e (eval '(f '(1 2)) t) (error e))))
