;;; -*- lexical-binding: t -*-
;; subr-x provides string helpers in Emacs 28.
(require 'subr-x)
(print (featurep 'subr-x))
(print (string-join '("x" "y" "z") "/"))
(print (string-trim "  pad  "))
(print (string-join (mapcar #'number-to-string '(1 2 3)) ","))
