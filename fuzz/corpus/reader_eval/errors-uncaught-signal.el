;;; -*- lexical-binding: t -*-
;; Uncaught signal with wrong-type-argument.
(setq backtrace-on-error-noninteractive nil)
(princ "partial output\n")
(signal 'wrong-type-argument '(x))
