;;; -*- lexical-binding: t -*-
;; null and not.
(print (null nil))
(print (null '()))
(print (null t))
(print (null 0))
(print (null ""))
(print (not nil))
(print (not 'x))
(print (not (not 5)))
(print (null (cdr '(a))))
(print (condition-case e (null) (error e)))
(print (condition-case e (not 1 2) (error e)))
