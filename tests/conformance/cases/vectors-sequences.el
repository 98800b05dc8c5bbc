;;; -*- lexical-binding: t -*-
;; Sequence functions on vectors.
(print (length [a b c]))
(print (mapcar #'1+ [1 2 3]))
(print (append [1 2] nil))
(print (reverse [1 2 3]))
(print (copy-sequence [1 2 3]))
(print (equal [1 [2]] (vector 1 (vector 2))))
(print (sort (vector 5 3 9 1) #'<))
(print (mapconcat #'symbol-name [a b] "."))
