;;; -*- lexical-binding: t -*-
;; Uncaught error whose data is not a string.
(setq backtrace-on-error-noninteractive nil)
(signal 'error '(not-a-string 1))
