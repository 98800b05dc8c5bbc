;;; -*- lexical-binding: t -*-
;; user-error.
(print (condition-case e (user-error "Bad input: %s" 'foo) (user-error e)))
(print (condition-case e (user-error "x") (error (car e))))
(print (get 'user-error 'error-conditions))
(print (condition-case e (user-error "%d%%" 5) (error (error-message-string e))))
