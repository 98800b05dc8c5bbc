;;; -*- lexical-binding: t -*-
;; Uncaught throw.
(setq backtrace-on-error-noninteractive nil)
(throw 'nobody-catches '(1 2))
