;;; -*- lexical-binding: t -*-
;; Uncaught error with quotes in the message.
(setq backtrace-on-error-noninteractive nil)
(error "Can't find `%s'" "thing")
