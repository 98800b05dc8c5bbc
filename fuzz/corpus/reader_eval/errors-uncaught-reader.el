;;; -*- lexical-binding: t -*-
;; A reader error in the middle of the file: forms before it have run.
(setq backtrace-on-error-noninteractive nil)
(print 'before-bad-syntax)
(print (quote #<bad>))
(print 'after)
