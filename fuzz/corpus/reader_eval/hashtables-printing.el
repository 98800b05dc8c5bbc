;;; -*- lexical-binding: t -*-
;; Printed representation of hash tables.
(let ((h (make-hash-table :test 'equal)))
  (puthash "one" 1 h)
  (puthash "two" 2 h)
  (print h)
  (remhash "one" h)
  (print h)
  (puthash "three" 3 h)
  (print h))
(print (format "%S" (make-hash-table :test 'eq)))
