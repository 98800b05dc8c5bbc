;;; -*- lexical-binding: t -*-
;; Uncaught (car 1) at top level.
(setq backtrace-on-error-noninteractive nil)
(message "to stderr first")
(print (car '(ok)))
(car 1)
