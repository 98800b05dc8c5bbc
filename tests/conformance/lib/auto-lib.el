;;; auto-lib.el --- loaded by an autoload in defs-autoload  -*- lexical-binding: t -*-
(princ "loading auto-lib\n")
(defun auto-fn (x) (* x 10))
(defmacro auto-twice (x) `(* 2 ,x))
(provide 'auto-lib)
(princ "auto-lib provided\n")
