;;; -*- lexical-binding: t -*-
;; special-variable-p.
(defvar sv-a 1)
(defconst sv-b 2)
(defvar sv-c)
(setq sv-d 3)
(print (special-variable-p 'sv-a))
(print (special-variable-p 'sv-b))
(print (special-variable-p 'sv-c))
(print (special-variable-p 'sv-d))
(print (special-variable-p 'unknown))
(print (boundp 'sv-c))
(print (boundp 'sv-d))
