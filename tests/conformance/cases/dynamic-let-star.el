;;; -*- lexical-binding: t -*-
;; let* with special variables binds sequentially.
(defvar s1 'g1)
(defvar s2 'g2)
(defun both-s () (list s1 s2))
(let* ((s1 'a) (s2 (list s1 'b)))
  (print (both-s)))
(let ((s1 'x) (s2 s1))
  (print (both-s)))
(print (both-s))
