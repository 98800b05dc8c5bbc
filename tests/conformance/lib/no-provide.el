;;; -*- lexical-binding: t -*-
;; Helper: defines a function but provides no feature.
(defun no-provide-fn () 'no-provide-fn-called)
