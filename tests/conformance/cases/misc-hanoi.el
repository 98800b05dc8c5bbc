;;; -*- lexical-binding: t -*-
;; Towers of Hanoi.
(defvar moves nil)
(defun hanoi (n from to via)
  (when (> n 0)
    (hanoi (1- n) from via to)
    (push (cons from to) moves)
    (hanoi (1- n) via to from)))
(hanoi 3 'a 'c 'b)
(print (length moves))
(print (nreverse moves))
(setq moves nil)
(hanoi 10 'a 'c 'b)
(print (length moves))
