;;; -*- lexical-binding: t -*-
;; Helper: closures made in a loaded file capture lexically.
(defun lexical-check-make (x) (lambda () x))
(defvar lexical-check-result (funcall (lexical-check-make 'captured)))
