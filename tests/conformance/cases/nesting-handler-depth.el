;;; -*- lexical-binding: t -*-
;; After catching deep recursion, deep (but finite) recursion still works.
(defun infinite (n) (+ 1 (infinite n)))
(defun finite (n) (if (= n 0) 0 (1+ (finite (1- n)))))
(print (condition-case nil (infinite 0) (error 'overflowed)))
(print (finite 200))
(print (condition-case nil (infinite 0) (error 'overflowed-again)))
(print (finite 200))
