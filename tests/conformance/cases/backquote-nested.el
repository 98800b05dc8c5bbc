;;; -*- lexical-binding: t -*-
;; Nested backquote and quoting inside backquote.
(setq v 'val)
(print `(a ',v))
(print `(quote ,v))
(print `'(,v))
(print `(list ,@(mapcar (lambda (s) `(quote ,s)) '(p q))))
(print (eval `(let ((z 5)) (* z ,2)) t))
(defmacro defconst-list (name &rest vals) `(defconst ,name ',vals))
(defconst-list my-list-const 1 2 3)
(print my-list-const)
(print `(1 `(2 ,(3 ,(+ 1 3)))))
