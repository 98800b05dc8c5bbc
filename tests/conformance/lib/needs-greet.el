;;; -*- lexical-binding: t -*-
;; Helper: requires another helper, then provides itself.
(require 'greet)
(defun needs-greet-hello () (greet "nested"))
(provide 'needs-greet)
