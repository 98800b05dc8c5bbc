;;; gc.el --- collection throughput  -*- lexical-binding: t -*-
;; Keeps a million live conses and times full collections over them.
(defvar gc-bench-live (make-list 1000000 1))
(defun gc-bench (n)
  (garbage-collect)
  (car (benchmark-run n (garbage-collect))))
