;;; -*- lexical-binding: t -*-
(defmacro with-doubled (var &rest body)
  `(let ((,var (* 2 ,var))) ,@body))
(defmacro my-inc (place) `(setq ,place (1+ ,place)))
(defun uses-macro (x) (with-doubled x (list x (1+ x))))
