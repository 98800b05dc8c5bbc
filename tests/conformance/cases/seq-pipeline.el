;;; -*- lexical-binding: t -*-
;; Combining sequence functions.
(let* ((nums (number-sequence 1 20))
       (evens (seq-filter (lambda (n) (= 0 (% n 2))) nums))
       (squares (mapcar (lambda (n) (* n n)) evens))
       (sum (seq-reduce #'+ squares 0)))
  (print evens)
  (print squares)
  (print sum))
(print (seq-reduce (lambda (acc w) (+ acc (length w))) (split-string "a bb ccc") 0))
(print (mapconcat #'identity (seq-remove (lambda (s) (string= s "")) (split-string "a,,b" ",")) "+"))
