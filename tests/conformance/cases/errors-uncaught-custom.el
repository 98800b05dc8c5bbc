;;; -*- lexical-binding: t -*-
;; Uncaught custom errors and signals without a message.
(setq backtrace-on-error-noninteractive nil)
(put 'my-err 'error-conditions '(my-err error))
(put 'my-err 'error-message "My problem")
(signal 'my-err '(1 "two" three))
