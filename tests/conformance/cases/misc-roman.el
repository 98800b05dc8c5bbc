;;; -*- lexical-binding: t -*-
;; Roman numerals.
(defun roman (n)
  (let ((table '((1000 . "M") (900 . "CM") (500 . "D") (400 . "CD") (100 . "C")
                 (90 . "XC") (50 . "L") (40 . "XL") (10 . "X") (9 . "IX")
                 (5 . "V") (4 . "IV") (1 . "I")))
        (out ""))
    (dolist (p table out)
      (while (>= n (car p))
        (setq out (concat out (cdr p)) n (- n (car p)))))))
(print (mapcar #'roman '(1 4 9 14 40 90 400 1994 2024 3999)))
