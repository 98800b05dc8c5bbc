;;; -*- lexical-binding: t -*-
;; Iterative Fibonacci into bignum range.
(defun fib-iter (n)
  (let ((a 0) (b 1))
    (dotimes (_ n) (setq b (+ a b) a (- b a)))
    a))
(print (fib-iter 10))
(print (fib-iter 90))
(print (fib-iter 91))
(print (fib-iter 92))
(print (fib-iter 93))
(print (fib-iter 100))
(print (fib-iter 150))
