;;; -*- lexical-binding: t -*-
;; Reading and printing integers in other bases.
(print (string-to-number (format "%x" 3054) 16))
(print (format "%x" #xdeadbeef))
(print (format "%X" #xdeadbeef))
(print #b11111111)
(print (format "%x" (+ #x10 #x10)))
(print (string-to-number "-ff" 16))
