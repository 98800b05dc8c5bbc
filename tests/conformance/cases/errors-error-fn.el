;;; -*- lexical-binding: t -*-
;; error formats its arguments.
(print (condition-case e (error "simple") (error e)))
(print (condition-case e (error "%s-%d" "a" 1) (error e)))
(print (condition-case e (error "%S" "q") (error e)))
(print (condition-case e (error "Symbol: %s" 'sym) (error e)))
(print (condition-case e (error "Bad: %s" (list 1 "two")) (error e)))
(print (condition-case e (error "extra args ignored" 1 2) (error e)))
(print (condition-case e (error 'not-a-string) (error e)))
