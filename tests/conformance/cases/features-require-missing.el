;;; -*- lexical-binding: t -*-
;; require of a missing feature.
(setq load-path (cons "lib" load-path))
(print (condition-case e (require 'no-such-feature-xyz) (error e)))
(print (require 'no-such-feature-xyz nil t))
(print (condition-case e (require 'no-such-feature-xyz) (file-missing (car e))))
(print (require 'greet "greet"))
(print (require 'counter-lib "counter-lib" t))
(print (condition-case e (require 'no-provide) (error (car e))))
