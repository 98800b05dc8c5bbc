;;; -*- lexical-binding: t -*-
;; Uncaught signal of a symbol without error-conditions.
(setq backtrace-on-error-noninteractive nil)
(signal 'no-such-error-symbol '(data))
