;;; -*- lexical-binding: t -*-
;; Only nil is false.
(dolist (v (list 0 "" nil '() [] t 'a 0.0))
  (princ (format "%S -> %s\n" v (if v 'true 'false))))
(print (and 0 "" []))
(print (or nil '() 0))
(print (if (list) 'yes 'no))
