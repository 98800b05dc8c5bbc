;;; hello.el --- a tour of minilisp  -*- lexical-binding: t -*-

(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(princ (format "fib(20) = %d\n" (fib 20)))

(let ((counter 0))
  (defun next-id () (setq counter (1+ counter))))
(princ (format "ids: %S\n" (list (next-id) (next-id) (next-id))))

(let ((table (make-hash-table :test 'equal)))
  (dolist (w (split-string "the quick brown fox jumps over the lazy dog the end"))
    (puthash w (1+ (gethash w table 0)) table))
  (princ (format "the: %d, fox: %d\n" (gethash "the" table) (gethash "fox" table))))

(defmacro swap (a b) `(let ((tmp ,a)) (setq ,a ,b ,b tmp)))
(let ((x 1) (y 2)) (swap x y) (princ (format "swapped: %S\n" (list x y))))

(princ (format "bignum: %d\n" (* most-positive-fixnum most-positive-fixnum)))
(princ (format "error caught: %S\n" (condition-case e (car 1) (error e))))
(princ (format "gc: %S\n" (car (garbage-collect))))
