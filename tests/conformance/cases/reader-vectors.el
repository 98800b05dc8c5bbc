;;; -*- lexical-binding: t -*-
;; Vector literals are self-evaluating; elements are not evaluated.
(print [1 2 3])
(print [1 2 x])
(print [])
(print [a (b c) "d" [e]])
(print (aref [1 2 x] 2))
(print (symbolp (aref [(+ 1 2)] 0)))
(print (aref [(+ 1 2)] 0))
(print (vectorp [1]))
(print (length [1 2 3 4]))
(print '[1 2])
(print (equal [1 2] '[1 2]))
(print [?a "s" 1.5 nil t])
