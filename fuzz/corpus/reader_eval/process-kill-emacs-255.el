;;; -*- lexical-binding: t -*-
;; kill-emacs with 255.
(princ "exiting 255\n")
(kill-emacs 255)
