;;; -*- lexical-binding: t -*-
;; Arithmetic type errors.
(print (condition-case e (+ 1 "2") (error e)))
(print (condition-case e (- 'a) (error e)))
(print (condition-case e (* 2 nil) (error e)))
(print (condition-case e (/ 4 'x) (error e)))
(print (condition-case e (1+ "x") (error e)))
(print (condition-case e (1- nil) (error e)))
(print (condition-case e (% 1.5 1) (error e)))
(print (condition-case e (mod 'a 1) (error e)))
(print (condition-case e (< "a" "b") (error e)))
(print (condition-case e (+ 1 '(2)) (error e)))
(print (condition-case e (abs nil) (error e)))
(print (condition-case e (truncate "1") (error e)))
