;;; -*- lexical-binding: t -*-
;; An error raised while loading another file and not caught.
(setq backtrace-on-error-noninteractive nil)
(setq load-path (cons "lib" load-path))
(print 'loading)
(load "signals" nil t)
