;;; -*- lexical-binding: t -*-
;; format results used in further formatting and concatenation.
(print (format "%s" (format "%d-%d" 1 2)))
(print (concat (format "%x" 255) "/" (format "%X" 255)))
(print (format "%S" (format "%S" "a")))
(print (length (format "%d" 123456)))
(print (format "%s" (list (format "%s" 'a))))
(print (mapconcat (lambda (n) (format "<%d>" n)) '(1 2 10) ":"))
(print (format (concat "%" "d") 7))
(print (apply #'format "%s=%d" '(x 3)))
(print (format "%s" (format "%%")))
