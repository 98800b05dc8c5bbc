;;; -*- lexical-binding: t -*-
;; quote and function.
(print (quote a))
(print (quote (1 2)))
(print 'a)
(print (function car))
(print #'car)
(print (eq (quote a) 'a))
(print (condition-case e (eval '(quote)) (error e)))
(print (condition-case e (eval '(quote a b)) (error e)))
(print (quote [a b]))
(print (quote "s"))
(let ((l '(1 2))) (print (eq l l)))
