;;; -*- lexical-binding: t -*-
;; A signal whose symbol has no error-conditions escapes an error handler;
;; only a t handler catches it.
(print (condition-case e
           (condition-case e2 (signal 'no-conditions-sym '(1)) (error (list 'inner e2)))
         (t (list 'outer-t e))))
(print (condition-case e (signal 'no-conditions-sym nil) (t e)))
(print (condition-case e (signal 'no-conditions-sym '(x)) (no-conditions-sym (list 'by-name e)) (t 'by-t)))
(print (condition-case e (signal 'no-conditions-sym '(x)) (t (error-message-string e))))
