;;; -*- lexical-binding: t -*-
;; seq-filter, seq-remove, seq-reduce.
(print (seq-filter #'numberp '(1 a 2 b 3)))
(print (seq-remove #'numberp '(1 a 2 b 3)))
(print (seq-reduce #'+ '(1 2 3 4) 0))
(print (seq-reduce (lambda (acc x) (cons x acc)) '(1 2 3) nil))
(print (seq-filter (lambda (x) (> x 2)) [1 2 3 4]))
(print (seq-remove (lambda (c) (= c ?a)) "banana"))
(print (seq-filter #'identity nil))
(print (seq-reduce #'max '(3 9 2) 0))
(print (seq-reduce #'+ nil 42))
(print (seq-reduce #'+ [1 2 3] 0))
(print (seq-filter (lambda (s) (string-prefix-p "a" s)) '("apple" "bat" "avocado")))
