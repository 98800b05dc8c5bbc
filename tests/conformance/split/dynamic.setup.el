;;; -*- lexical-binding: t -*-
(defvar depth-var 'global)
(defconst the-answer 42)
(defun show-depth () depth-var)
(define-error 'my-error "My error happened" 'arith-error)
(provide 'my-feature)
(defvar log-list nil)
(defun logged (x) (push x log-list) x)
