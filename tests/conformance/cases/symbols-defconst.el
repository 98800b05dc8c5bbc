;;; -*- lexical-binding: t -*-
;; defconst can be reassigned with setq (only a convention).
(defconst my-const 10 "A constant.")
(print my-const)
(setq my-const 11)
(print my-const)
(defconst my-const 12)
(print my-const)
(defvar my-var 1)
(defvar my-var 2)
(print my-var)
(print (defvar my-var2 'x))
(print (defconst my-const2 'y))
(print (special-variable-p 'my-const))
