;;; -*- lexical-binding: t -*-
;; split-string and string-trim-left go through string-match: the match data
;; they leave are Emacs's. string-trim-right uses string-match-p.
(print (list (split-string "a,b,,c" ",") (match-data)))
(print (list (split-string "  two words  ") (match-data)))
(print (list (split-string " a ; b ;c " ";" t "[ ]+") (match-data)))
(print (list (split-string "x" "y") (match-data)))
(print (list (split-string "aXbxc" "x") (match-data)))
(let ((case-fold-search nil))
  (print (list (split-string "aXbxc" "x") (match-data))))
(print (list (split-string "日本,語" ",") (match-data)))
(print (list (string-trim-left "  hi ") (match-data)))
(string-match "q" "aq")
(print (list (string-trim-right "hi   ") (match-data)))
(print (list (string-trim "  a b  " "[ a]+") (match-data)))
(print (split-string "abc" "" t))
(print (split-string "a1b22c" "[0-9]*"))
