;;; -*- lexical-binding: t -*-
;; Escaped characters inside symbol names.
(print (symbol-name 'foo\(bar))
(print 'foo\(bar)
(print (symbol-name '\"q\"))
(print (symbol-name 'a\\b))
(print (eq 'abc '\abc))
(print (symbol-name '\123))
(print (symbolp '\123))
(print (symbol-name '-\1))
(print (intern "hello world"))
(print (read-from-string "a\\ b"))
(print (symbol-name (car (read-from-string "\\,x"))))
