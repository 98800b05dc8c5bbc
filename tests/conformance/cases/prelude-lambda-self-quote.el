;;; -*- lexical-binding: t -*-
;; lambda is self-quoting: a lambda form evaluates to a closure.
(print (functionp (lambda () nil)))
(print (car (lambda () nil)))
(setq fns (list (lambda (x) (+ x 1)) (lambda (x) (* x 2))))
(print (mapcar (lambda (f) (funcall f 10)) fns))
(print (funcall (car (list (lambda () 'from-list)))))
(print (eq 'closure (car (let ((z 1)) (lambda () z)))))
