;;; -*- lexical-binding: t -*-
;; unwind-protect returns the body value; cleanup values are discarded.
(let ((x 1))
  (print (unwind-protect (setq x 2) (setq x 3)))
  (print x))
(print (unwind-protect nil 'cleanup))
(defun uses-unwind (a) (unwind-protect (* a 2) (princ "done\n")))
(print (mapcar #'uses-unwind '(1 2)))
