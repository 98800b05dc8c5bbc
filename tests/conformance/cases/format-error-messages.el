;;; -*- lexical-binding: t -*-
;; error formats its message like format.
(print (condition-case e (error "Value: %d" 42) (error e)))
(print (condition-case e (error "%s and %S" "a" "b") (error e)))
(print (condition-case e (error "No args") (error e)))
(print (condition-case e (error "100%%") (error e)))
(print (condition-case e (error "%.2f" 1.125) (error e)))
(print (condition-case e (error "%x" 255) (error (cadr e))))
(print (condition-case e (error "list: %s" '(1 2)) (error (error-message-string e))))
