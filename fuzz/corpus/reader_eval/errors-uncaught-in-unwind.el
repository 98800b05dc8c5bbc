;;; -*- lexical-binding: t -*-
;; unwind-protect cleanup runs before the uncaught error is reported.
(setq backtrace-on-error-noninteractive nil)
(unwind-protect
    (error "inner failure")
  (princ "cleanup ran\n")
  (message "cleanup message"))
