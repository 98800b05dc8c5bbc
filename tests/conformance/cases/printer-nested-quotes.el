;;; -*- lexical-binding: t -*-
;; Reader macros printed in short form.
(print ''a)
(print '''a)
(print '(a 'b #'c))
(print '`(x ,y ,@z))
(print (list 'function 'car))
(print (list 'quote 'a 'b))
(print (list 'quote))
(print (cons 'quote 'a))
(print '(1 . 'x))
(print '(1 quote x))
(print [quote x])
(print ['x])
