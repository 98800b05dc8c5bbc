;;; -*- lexical-binding: t -*-
;; when and unless.
(print (when t 1 2 3))
(print (when nil 1))
(print (unless nil 1 2))
(print (unless t 1))
(let ((x 5))
  (when (> x 3) (setq x (* x 2)) (setq x (1+ x)))
  (print x))
(print (macroexpand '(when c a b)))
(print (macroexpand '(unless c a b)))
(print (macroexpand '(unless c a)))
