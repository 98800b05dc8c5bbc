;;; -*- lexical-binding: t -*-
;; Deep recursion is caught by an error handler.
(defun infinite (n) (1+ (infinite (1+ n))))
(print (condition-case e (infinite 0) (error (car e))))
(print (condition-case e (infinite 0) (error (error-message-string e))))
(print (condition-case e (infinite 0) (error e)))
(defun recover-later () (condition-case nil (infinite 0) (error 'recovered)))
(print (recover-later))
(print (recover-later))
(defun sum-to (n) (if (= n 0) 0 (+ n (sum-to (1- n)))))
(print (sum-to 100))
