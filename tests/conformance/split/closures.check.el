;;; -*- lexical-binding: t -*-
(print (list (funcall counter-a) (funcall counter-a) (funcall counter-b)))
(print (funcall add1-then-double 20))
(print (mapcar add1-then-double '(1 2 3)))
(garbage-collect)
(print (list (funcall counter-a) (funcall counter-b)))
(print (symbol-function 'make-counter))
