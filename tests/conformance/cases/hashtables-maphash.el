;;; -*- lexical-binding: t -*-
;; maphash follows insertion order.
(let ((h (make-hash-table)))
  (dolist (k '(c a d b)) (puthash k (symbol-name k) h))
  (maphash (lambda (k v) (princ (format "%s=%s " k v))) h)
  (terpri)
  (puthash 'a "A" h)
  (maphash (lambda (k v) (princ (format "%s=%s " k v))) h)
  (terpri)
  (print (maphash (lambda (_k _v) nil) h)))
(let ((h (make-hash-table :test 'equal)) (keys nil))
  (dotimes (i 10) (puthash (format "k%d" i) i h))
  (maphash (lambda (k _v) (push k keys)) h)
  (print (nreverse keys)))
