;;; -*- lexical-binding: t -*-
;; Errors around macros.
(defmacro two-args (a b) (list 'list a b))
(print (condition-case e (eval '(two-args 1) t) (error e)))
(print (condition-case e (funcall 'two-args 1 2) (error (car e))))
(print (condition-case e (apply 'when '(t 1)) (error (car e))))
(defmacro signals-at-expansion () (error "expansion failed"))
(print (condition-case e (eval '(signals-at-expansion) t) (error e)))
(print (condition-case e (macroexpand '(signals-at-expansion)) (error e)))
