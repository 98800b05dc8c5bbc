;;; -*- lexical-binding: t -*-
;; number-sequence.
(print (number-sequence 1 5))
(print (number-sequence 5 1 -1))
(print (number-sequence 0 10 3))
(print (number-sequence 1 1))
(print (number-sequence 5 1))
(print (number-sequence 3))
(print (number-sequence 0 1 0.25))
(print (number-sequence 1 -1 -1))
(print (length (number-sequence 1 1000)))
