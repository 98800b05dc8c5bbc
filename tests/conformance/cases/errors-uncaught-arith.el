;;; -*- lexical-binding: t -*-
;; Uncaught arith-error.
(setq backtrace-on-error-noninteractive nil)
(print (/ 10 2))
(/ 10 0)
