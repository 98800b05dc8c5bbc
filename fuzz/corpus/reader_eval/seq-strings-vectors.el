;;; -*- lexical-binding: t -*-
;; seq-filter, seq-remove, seq-reduce over strings and vectors return lists.
(print (seq-filter (lambda (c) (memq c '(?a ?e ?i ?o ?u))) "education"))
(print (concat (seq-remove (lambda (c) (= c ?-)) "a-b-c")))
(print (seq-reduce (lambda (acc c) (+ acc (- c ?0))) "12345" 0))
(print (seq-filter #'symbolp [1 a "b" c]))
(print (seq-reduce #'list [1 2 3] 'init))
