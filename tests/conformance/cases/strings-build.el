;;; -*- lexical-binding: t -*-
;; Building strings incrementally.
(let ((s ""))
  (dotimes (i 5) (setq s (concat s (number-to-string i))))
  (print s))
(print (mapconcat (lambda (w) (capitalize w)) (split-string "the quick brown fox") " "))
(defun repeat-string (s n) (if (<= n 0) "" (concat s (repeat-string s (1- n)))))
(print (repeat-string "ab" 3))
(print (apply #'concat (mapcar (lambda (c) (string (upcase c))) "shout")))
(defun palindromep (s) (string= s (concat (reverse s))))
(print (mapcar #'palindromep '("racecar" "abc" "" "aa")))
(print (format "%s has %d chars" "hello" (length "hello")))
