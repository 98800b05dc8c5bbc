;;; -*- lexical-binding: t -*-
;; An uncaught error ends the batch run with status 255.
;; (Emacs 28 prints a backtrace with file paths unless this is nil.)
(setq backtrace-on-error-noninteractive nil)
(print 'before)
(error "boom %d" 3)
(print 'never-printed)
