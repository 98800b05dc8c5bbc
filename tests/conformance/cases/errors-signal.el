;;; -*- lexical-binding: t -*-
;; signal with various data.
(print (condition-case e (signal 'error '("msg")) (error e)))
(print (condition-case e (signal 'arith-error nil) (arith-error e)))
(print (condition-case e (signal 'void-variable '(v)) (void-variable e)))
(print (condition-case e (signal 'args-out-of-range '(1 2 3)) (error e)))
(print (condition-case e (signal 'wrong-type-argument 'not-a-list) (error e)))
(print (condition-case e (signal 'error "string data") (error e)))
(print (condition-case e (signal 'end-of-file nil) (error e)))
(print (condition-case e (signal 'quit nil) (error 'error-handler) (t 'quit-via-t)))
(print (condition-case e (signal 'quit nil) (quit e)))
