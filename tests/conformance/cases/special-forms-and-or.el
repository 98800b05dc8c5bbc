;;; -*- lexical-binding: t -*-
;; and, or short-circuit.
(defvar calls nil)
(defun f (x) (push x calls) x)
(print (and (f 1) (f nil) (f 3)))
(print (nreverse calls))
(setq calls nil)
(print (or (f nil) (f 2) (f 3)))
(print (nreverse calls))
(print (and t t))
(print (or nil nil))
(print (and nil (error "no")))
(print (or t (error "no")))
(print (and 1 'x "str"))
