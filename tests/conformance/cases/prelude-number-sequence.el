;;; -*- lexical-binding: t -*-
;; number-sequence in loops.
(print (mapcar (lambda (x) (* x x)) (number-sequence 1 5)))
(print (apply #'+ (number-sequence 1 10 2)))
(print (number-sequence 10 0 -5))
(print (number-sequence 1.5 3))
(print (number-sequence 0 0))
