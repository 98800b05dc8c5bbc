;;; -*- lexical-binding: t -*-
;; Memoized Fibonacci with a hash table.
(defvar memo (make-hash-table))
(defun mfib (n)
  (or (gethash n memo)
      (puthash n (if (< n 2) n (+ (mfib (- n 1)) (mfib (- n 2)))) memo)))
(print (mfib 50))
(print (mfib 80))
(print (hash-table-count memo))
