;;; -*- lexical-binding: t -*-
;; Uncaught user-error.
(setq backtrace-on-error-noninteractive nil)
(user-error "Please %s" "stop")
