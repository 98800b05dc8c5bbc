;;; -*- lexical-binding: t -*-
;; rx is autoloaded, as in emacs -Q: not a feature until first used.
(print (featurep 'rx))
(print (functionp 'rx-to-string))
(print (rx-to-string '(seq bol (+ (any "a-z")) eol)))
(print (featurep 'rx))
(print (rx (or "ab" "cd") (+ digit)))
(rx-define my-word (+ (any alpha)))
(print (rx my-word "-" my-word))
(print (rx-let ((pair (x) (seq x x))) (rx (pair "z"))))
