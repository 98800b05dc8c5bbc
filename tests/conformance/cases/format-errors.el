;;; -*- lexical-binding: t -*-
;; Errors from format.
(print (condition-case e (format "%d" "x") (error e)))
(print (condition-case e (format "%d") (error e)))
(print (condition-case e (format "%s %s" 1) (error e)))
(print (condition-case e (format "%c" "a") (error e)))
(print (condition-case e (format "%x" 'a) (error e)))
(print (condition-case e (format "%f" "x") (error e)))
(print (condition-case e (format 'notastring) (error e)))
(print (condition-case e (format "%d" nil) (error e)))
(print (format "%s" "extra" ))
(print (format "no directives" 1 2))
