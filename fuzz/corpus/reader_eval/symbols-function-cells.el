;;; -*- lexical-binding: t -*-
;; Function and value cells are separate.
(defvar both 'value)
(defun both () 'function)
(print both)
(print (both))
(print (symbol-value 'both))
(print (funcall 'both))
(let ((car 'lexical-car))
  (print car)
  (print (car '(real car))))
(print (fboundp 'both))
(print (boundp 'both))
