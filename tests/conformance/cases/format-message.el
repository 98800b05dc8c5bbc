;;; -*- lexical-binding: t -*-
;; message writes to standard error and returns the formatted string.
(print (message "hello %s" "world"))
(message "number %d" 42)
(message "plain")
(message "%S" "quoted")
(message "%s" '(1 2 "x"))
(print (message "a%%b"))
(message "multi\nline")
(message "unicode: é €")
(message "%.2f" 2.675)
(print 'stdout-only)
(message "")
(message "after empty")
