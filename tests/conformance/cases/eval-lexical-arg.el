;;; -*- lexical-binding: t -*-
;; eval with and without the LEXICAL argument.
(defvar dyn-v 'global)
(defun get-dyn () dyn-v)
;; Without a second argument eval uses dynamic binding: a let-bound variable
;; is visible to called functions even if it was never defvar'ed.
(defun peek-x () (condition-case nil (symbol-value 'xx) (void-variable 'unbound)))
(print (eval '(let ((xx 1)) (peek-x))))
(print (eval '(let ((xx 1)) (peek-x)) t))
(print (eval '(let ((xx 1)) (peek-x)) nil))
;; A closure made under lexical eval captures; under dynamic eval it does not.
(print (funcall (eval '(let ((y 5)) (lambda () y)) t)))
(print (condition-case e (funcall (eval '(let ((y 5)) (lambda () y)))) (error e)))
(print (eval '(let ((dyn-v 'rebound)) (get-dyn))))
(print (eval '(let ((dyn-v 'rebound)) (get-dyn)) t))
(print (functionp (eval '(lambda (a) a) t)))
(print (car (eval '(lambda (a) a) t)))
(print (car (eval '(lambda (a) a))))
(print (eval '(function (lambda () 1))))
(print (eval '(function (lambda () 1)) t))
