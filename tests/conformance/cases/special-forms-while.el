;;; -*- lexical-binding: t -*-
;; while loops.
(let ((i 0) (acc nil))
  (while (< i 5)
    (push i acc)
    (setq i (1+ i)))
  (print acc))
(let ((n 10) (steps 0))
  (while (/= n 1)
    (setq n (if (= (% n 2) 0) (/ n 2) (1+ (* 3 n))))
    (setq steps (1+ steps)))
  (print steps))
(print (let ((i 0)) (while (progn (setq i (1+ i)) (< i 10))) i))
(let ((l '(a b c)))
  (while l
    (princ (car l))
    (setq l (cdr l)))
  (terpri))
