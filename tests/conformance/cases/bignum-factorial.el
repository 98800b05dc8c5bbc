;;; -*- lexical-binding: t -*-
;; Factorials grow into bignums.
(defun fact (n) (if (<= n 1) 1 (* n (fact (1- n)))))
(print (fact 20))
(print (fact 21))
(print (fact 25))
(print (fact 30))
(print (/ (fact 30) (fact 28)))
(let ((i 18))
  (while (<= i 23)
    (princ (format "%d! = %d\n" i (fact i)))
    (setq i (1+ i))))
