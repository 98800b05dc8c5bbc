;;; -*- lexical-binding: t -*-
;; Updating values of the current key inside maphash.
(let ((h (make-hash-table)))
  (dolist (k '(a b c)) (puthash k 1 h))
  (maphash (lambda (k v) (puthash k (* 10 v) h)) h)
  (maphash (lambda (k v) (princ (format "%s %s\n" k v))) h)
  (maphash (lambda (k _v) (when (eq k 'b) (remhash k h))) h)
  (print (hash-table-count h)))
