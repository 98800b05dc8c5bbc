;;; -*- lexical-binding: t -*-
;; Characters are integers when printed.
(print ?a)
(print '(?a ?b))
(print (string-to-list "hi"))
(print (format "%c" (car '(?z))))
(print (list (char-to-string ?a) ?a))
(print (aref "é" 0))
