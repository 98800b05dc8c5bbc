;;; -*- lexical-binding: t -*-
;; Word counting with a hash table.
(let ((h (make-hash-table :test 'equal))
      (words (split-string "the cat and the hat and the bat")))
  (dolist (w words) (puthash w (1+ (gethash w h 0)) h))
  (maphash (lambda (k v) (princ (format "%s:%d\n" k v))) h)
  (print (hash-table-count h))
  (let (pairs)
    (maphash (lambda (k v) (push (cons k v) pairs)) h)
    (print (sort pairs (lambda (a b) (string< (car a) (car b)))))))
