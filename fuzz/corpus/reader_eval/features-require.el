;;; -*- lexical-binding: t -*-
;; require loads a file from load-path once.
(setq load-path (cons "lib" load-path))
(print (featurep 'greet))
(print (require 'greet))
(print (featurep 'greet))
(print greet-count)
(print (require 'greet))
(print greet-count)
(provide 'already-there)
(print (require 'already-there))
(print (require 'needs-greet))
(print (needs-greet-hello))
