;;; -*- lexical-binding: t -*-
;; The printed size of a hash table is its current capacity, which grows.
(let ((h (make-hash-table :size 3)))
  (print h)
  (dotimes (i 5) (puthash i (* i i) h))
  (print h))
(let ((h (make-hash-table)))
  (dotimes (i 66) (puthash i t h))
  (print (hash-table-count h))
  (print (car (read-from-string (substring (prin1-to-string h) 19)))))
(let ((h (make-hash-table :size 0)))
  (print h)
  (puthash 'a 1 h)
  (print h))
