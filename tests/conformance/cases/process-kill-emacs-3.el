;;; -*- lexical-binding: t -*-
;; kill-emacs with a status exits immediately with that status.
(print 'before)
(message "stderr before kill")
(kill-emacs 3)
(print 'never)
