;;; -*- lexical-binding: t -*-
;; kill-emacs with no argument exits with status 0.
(princ "bye\n")
(kill-emacs)
(princ "not printed\n")
