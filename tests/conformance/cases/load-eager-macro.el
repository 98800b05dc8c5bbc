;;; -*- lexical-binding: t -*-
;; A file loaded later expands macros with the definitions current at its load.
(setq load-path (cons "lib" load-path))
(defmacro loader-macro () ''version-1)
(load "macro-user" nil t)
(defmacro loader-macro () ''version-2)
(print (macro-user-fn))
(load "macro-user" nil t)
(print (macro-user-fn))
