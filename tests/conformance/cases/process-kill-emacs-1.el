;;; -*- lexical-binding: t -*-
;; kill-emacs 1 after output on both streams.
(print (list 1 2))
(message "%s" "error stream")
(kill-emacs 1)
