;;; -*- lexical-binding: t -*-
;; command-line-args-left is nil when the script gets no arguments.
(print command-line-args-left)
(print (listp command-line-args-left))
