;;; -*- lexical-binding: t -*-
;; Uncaught wrong-number-of-arguments for a lambda.
(setq backtrace-on-error-noninteractive nil)
(defun two (a b) (list a b))
(two 1)
