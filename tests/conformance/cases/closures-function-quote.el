;;; -*- lexical-binding: t -*-
;; #'(lambda ...) and (function (lambda ...)) create closures.
(let ((x 42))
  (print (funcall #'(lambda () x)))
  (print (funcall (function (lambda () x)))))
(let ((x 1))
  (print (funcall (eval '(lambda () 7) t))))
(print (functionp '(lambda () 1)))
(print (funcall '(lambda (a) (list a a)) 3))
(let ((x 5))
  (print (condition-case e (funcall '(lambda () x)) (error e))))
