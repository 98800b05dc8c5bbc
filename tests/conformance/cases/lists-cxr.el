;;; -*- lexical-binding: t -*-
;; caar cadr cdar cddr.
(print (cadr '(1 2 3)))
(print (cddr '(1 2 3)))
(print (caar '((1 2) 3)))
(print (cdar '((1 2) 3)))
(print (cadr '(1)))
(print (cddr '(1)))
(print (caar nil))
(print (cadr nil))
(print (condition-case e (cadr '(1 . 2)) (error e)))
(print (condition-case e (caar '(1)) (error e)))
(print (car (cddr '(a b c d))))
