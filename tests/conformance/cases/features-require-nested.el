;;; -*- lexical-binding: t -*-
;; A required file may itself require other features.
(setq load-path (cons "lib" load-path))
(require 'needs-greet)
(print (featurep 'greet))
(print (featurep 'needs-greet))
(print (needs-greet-hello))
(print (let ((pos-a (length (memq 'greet features)))
             (pos-b (length (memq 'needs-greet features))))
         (> pos-a pos-b)))
