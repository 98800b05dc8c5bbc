;;; -*- lexical-binding: t -*-
;; Uncaught args-out-of-range.
(setq backtrace-on-error-noninteractive nil)
(aref [1 2 3] 10)
