;;; -*- lexical-binding: t -*-
;; Errors from hash functions.
(print (condition-case e (gethash 'a 'not-a-table) (error e)))
(print (condition-case e (puthash 'a 1 nil) (error e)))
(print (condition-case e (remhash 'a '(1)) (error e)))
(print (condition-case e (hash-table-count []) (error e)))
(print (condition-case e (maphash #'car 5) (error e)))
(print (condition-case e (let ((h (make-hash-table))) (puthash 1 2 h) (maphash (lambda (k) k) h)) (error (car e))))
