;;; -*- lexical-binding: t -*-
;; Vector printing.
(print [1 2 3])
(print [])
(print [[1] [2 [3]]])
(print ["a" b 1.0])
(print (vector 'a "b" ?c))
(print (make-vector 3 0))
(print (make-vector 2 '(x)))
(print (list [1] [2]))
(princ ["a" b])
(terpri)
(print (vector (list 1 2) (cons 3 4)))
