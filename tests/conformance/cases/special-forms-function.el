;;; -*- lexical-binding: t -*-
;; function on symbols returns the symbol.
(print (function car))
(print (eq #'car 'car))
(print (funcall #'car '(1)))
(print (mapcar #'symbol-name '(a b)))
(print #'no-such-function-at-all)
(print (functionp #'no-such-function-at-all))
