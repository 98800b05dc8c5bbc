;;; -*- lexical-binding: t -*-
;; Handlers with t and nested error symbols.
(print (condition-case e (signal 'arith-error '(x)) (t (list 't-handler e))))
(print (condition-case e (throw 'nobody 1) (t (list 't-handler (car e)))))
(print (condition-case e (error "m") ((debug error) (list 'debug-error e))))
(print (condition-case e (signal 'overflow-error nil) (arith-error (list 'via-parent e))))
