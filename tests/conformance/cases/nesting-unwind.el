;;; -*- lexical-binding: t -*-
;; Deep recursion unwinds every unwind-protect and dynamic binding.
(defvar depth-var 'top)
(defvar cleanups 0)
(defun dive (n)
  (let ((depth-var n))
    (unwind-protect (dive (1+ n))
      (setq cleanups (1+ cleanups)))))
(print (condition-case nil (dive 0) (error 'caught)))
(print depth-var)
(print (> cleanups 10))
(setq cleanups 0)
(print (condition-case nil (dive 0) (error 'caught-again)))
(print (> cleanups 10))
