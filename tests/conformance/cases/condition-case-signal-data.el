;;; -*- lexical-binding: t -*-
;; The caught error object is (SYMBOL . DATA).
(let ((e (condition-case err (signal 'wrong-type-argument '(integerp "1")) (error err))))
  (print (car e))
  (print (cdr e))
  (print (nth 2 e)))
(let ((e (condition-case err (error "Fmt %d" 1) (error err))))
  (print (car e))
  (print (cadr e))
  (print (length e)))
(let ((data (list 1 2)))
  (print (eq data (cdr (condition-case err (signal 'error data) (error err))))))
