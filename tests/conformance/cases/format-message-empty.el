;;; -*- lexical-binding: t -*-
;; message with empty string and nil.
(message "a")
(message "")
(message "b")
(message nil)
(message "c")
(print (message nil))
(print (message ""))
(print (message "%s" ""))
(message "%d%%" 50)
