;;; -*- lexical-binding: t -*-
;; Printing of hash tables and other objects.
(print (make-hash-table))
(print (make-hash-table :test 'equal))
(let ((h (make-hash-table :test 'equal)))
  (puthash "a" 1 h)
  (puthash 'b '(2) h)
  (print h))
(let ((h (make-hash-table :test 'eq :size 10)))
  (puthash 'k 'v h)
  (print h))
(print (make-symbol "uninterned"))
(print (list (make-symbol "g") 'g))
