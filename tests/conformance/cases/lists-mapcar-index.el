;;; -*- lexical-binding: t -*-
;; Pairing elements with indices and zipping.
(let ((i -1))
  (print (mapcar (lambda (x) (setq i (1+ i)) (cons i x)) '(a b c))))
(defun zip (a b) (when (and a b) (cons (cons (car a) (car b)) (zip (cdr a) (cdr b)))))
(print (zip '(1 2 3) '(x y)))
(print (mapcar #'car (zip '(1 2) '(3 4))))
(print (apply #'append (mapcar (lambda (p) (list (car p) (cdr p))) (zip '(1 2) '(a b)))))
