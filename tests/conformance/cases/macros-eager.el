;;; -*- lexical-binding: t -*-
;; Loading macroexpands each top-level form before evaluating it, so a defun
;; keeps the macro definition that existed when it was loaded.
(defmacro m1 () ''first)
(defun use-m1 () (m1))
(defmacro m1 () ''second)
(print (use-m1))
(print (m1))
(defun use-m1-again () (m1))
(print (use-m1-again))
(print (funcall (lambda () (m1))))
