;;; -*- lexical-binding: t -*-
;; concat.
(print (concat))
(print (concat "a" "b" "c"))
(print (concat "a" nil "b"))
(print (concat '(?a ?b) [?c]))
(print (concat "é" "x"))
(print (concat ""))
(let* ((s "abc") (c (concat s)))
  (print (eq s c))
  (print (equal s c)))
(print (condition-case e (concat "a" 'b) (error e)))
(print (condition-case e (concat "a" 1) (error e)))
(print (concat "x" '(?\u00e9)))
