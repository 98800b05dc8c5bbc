;;; -*- lexical-binding: t -*-
;; Uncaught void-variable at top level.
(setq backtrace-on-error-noninteractive nil)
(print 1)
(print this-variable-does-not-exist)
