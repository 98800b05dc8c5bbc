;;; -*- lexical-binding: t -*-
;; Uncaught error with a multi-line / quoted message.
(setq backtrace-on-error-noninteractive nil)
(error "Line one\nline two: %S" "q")
