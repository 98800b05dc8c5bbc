;;; -*- lexical-binding: t -*-
;; Argument lists of closures.
(defun args-test (a &optional b c &rest d) (list a b c d))
(print (args-test 1))
(print (args-test 1 2))
(print (args-test 1 2 3))
(print (args-test 1 2 3 4 5))
(print (apply #'args-test '(1 2 3 4)))
(print (condition-case e (args-test) (error e)))
(defun only-rest (&rest r) r)
(print (only-rest))
(print (only-rest nil))
(print (condition-case e (let ((f (lambda () 1))) (funcall f 'extra)) (error e)))
