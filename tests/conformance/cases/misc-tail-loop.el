;;; -*- lexical-binding: t -*-
;; Long iterative loops (no deep recursion).
(let ((i 0) (s 0))
  (while (< i 100000) (setq s (+ s i) i (1+ i)))
  (print s))
(print (let ((n 0)) (dotimes (i 1000) (dotimes (j 10) (setq n (1+ n)))) n))
(print (length (number-sequence 1 10000)))
