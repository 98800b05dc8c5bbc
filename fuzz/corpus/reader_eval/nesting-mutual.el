;;; -*- lexical-binding: t -*-
;; Deep mutual recursion and deep data.
(defun ping (n) (pong (1+ n)))
(defun pong (n) (ping (1+ n)))
(print (condition-case e (ping 0) (error (car e))))
(defun build (n) (let ((l nil)) (dotimes (_ n) (setq l (list l))) l))
(let ((deep (build 50)))
  (print (length (prin1-to-string deep))))
(defun count-depth (l) (if (null l) 0 (1+ (count-depth (car l)))))
(print (count-depth (build 100)))
