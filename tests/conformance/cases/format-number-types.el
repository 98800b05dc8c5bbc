;;; -*- lexical-binding: t -*-
;; Numbers in %d/%s and floats truncated by %d.
(print (format "%d" 3.7))
(print (format "%d" -3.7))
(print (format "%s" 100.0))
(print (format "%s" 1e15))
(print (format "%s" 0.1))
(print (format "%S" 1.0))
(print (format "%s" -0.0))
(print (format "%s" (/ 1.0 0)))
(print (format "%d" 0))
(print (format "%s" 1234567890))
(print (format "%d" 1e3))
