;;; -*- lexical-binding: t -*-
;; Vector identity, equality and mutation through aliases.
(let* ((a (vector 1 2 3)) (b a) (c (copy-sequence a)))
  (aset b 0 'changed)
  (print a)
  (print c)
  (print (list (eq a b) (eq a c) (equal a c) (equal a b))))
(print (equal [] []))
(print (equal [1 (2 "x")] [1 (2 "x")]))
(print (equal [1 2] '(1 2)))
(print (eq [] []))
