;;; -*- lexical-binding: t -*-
;; symbol-value and set see dynamic bindings.
(defvar dsv 'global)
(let ((dsv 'dynamic))
  (print (symbol-value 'dsv))
  (set 'dsv 'set-inside)
  (print dsv))
(print dsv)
(let ((dsv 'bound))
  (makunbound 'dsv)
  (print (boundp 'dsv)))
(print dsv)
