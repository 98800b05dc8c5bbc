;;; -*- lexical-binding: t -*-
;; Recursive dynamic binding.
(defvar level 0)
(defun nest (n)
  (if (= n 0)
      (list level)
    (let ((level (1+ level)))
      (cons level (nest (1- n))))))
(print (nest 5))
(print level)
