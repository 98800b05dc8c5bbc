;;; -*- lexical-binding: t -*-
;; Uncaught void-function at top level.
(setq backtrace-on-error-noninteractive nil)
(print 1)
(this-function-does-not-exist 1 2)
