;;; -*- lexical-binding: t -*-
;; Unbounded recursion at top level.
(setq backtrace-on-error-noninteractive nil)
(defun down (n) (1+ (down (1+ n))))
(print 'start)
(down 0)
