;;; -*- lexical-binding: t -*-
;; getenv of an unset variable.
(print (getenv "MINILISP_CONFORMANCE_SURELY_UNSET_VARIABLE"))
(print (stringp (getenv "HOME")))
(print (condition-case e (getenv 'home) (error (car e))))
