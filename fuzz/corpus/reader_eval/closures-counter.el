;;; -*- lexical-binding: t -*-
;; Closures capture their lexical environment.
(defun make-counter ()
  (let ((n 0))
    (lambda () (setq n (1+ n)))))
(let ((c1 (make-counter)) (c2 (make-counter)))
  (print (funcall c1))
  (print (funcall c1))
  (print (funcall c1))
  (print (funcall c2))
  (print (funcall c1)))
(defun make-adder (n) (lambda (x) (+ x n)))
(print (funcall (make-adder 10) 5))
(print (mapcar (make-adder 100) '(1 2 3)))
