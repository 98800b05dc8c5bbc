;;; -*- lexical-binding: t -*-
;; Thrown values of all types.
(dolist (v (list 1 "s" '(a b) [1] nil 1.5 'sym))
  (print (catch 'v (throw 'v v))))
(print (catch 'v (throw 'v (catch 'w (throw 'w 'inner-value)))))
