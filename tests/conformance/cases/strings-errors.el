;;; -*- lexical-binding: t -*-
;; Error cases for string functions.
(print (condition-case e (string-to-char 1) (error e)))
(print (condition-case e (substring "abc" 'a) (error e)))
(print (condition-case e (split-string 1) (error e)))
(print (condition-case e (string-prefix-p 1 "a") (error e)))
(print (condition-case e (concat [a]) (error e)))
(print (condition-case e (capitalize 1.5) (error e)))
(print (condition-case e (downcase nil) (error e)))
(print (condition-case e (string-search 1 "a") (error e)))
(print (condition-case e (aref "a" 'x) (error e)))
