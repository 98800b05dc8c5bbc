;;; -*- lexical-binding: t -*-
;; format with multibyte text.
(print (format "%s" "日本"))
(print (format "%s-%s" "α" "β"))
(print (length (format "%s" "é")))
(print (format "%S" "ü"))
(print (format "%c" ?日))
(print (format "héllo %d" 1))
(princ (format "%s\n" "ñ"))
