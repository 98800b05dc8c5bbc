;;; -*- lexical-binding: t -*-
;; eval defaults to dynamic binding for the evaluated code.
(defun get-q () (condition-case nil (symbol-value 'q) (void-variable 'void)))
(print (eval '(let ((q 'dyn)) (get-q))))
(print (eval '(let ((q 'lex)) (get-q)) t))
(print (eval '(funcall (let ((w 1)) (lambda () (boundp 'w))))))
(print (eval '(let ((w 1)) (boundp 'w))))
(print (eval '(let ((w 1)) (boundp 'w)) t))
