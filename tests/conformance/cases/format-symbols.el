;;; -*- lexical-binding: t -*-
;; %s prints symbols without escapes, %S with.
(print (format "%s" (intern "a b")))
(print (format "%S" (intern "a b")))
(print (format "%s" (intern "a.b")))
(print (format "%S" (intern "a.b")))
(print (format "%s" :key))
(print (format "%s" '(quote x)))
(print (format "%S" ''x))
(print (format "%s" '("a" ("b"))))
(print (format "%S" '("a" ("b"))))
