;;; -*- lexical-binding: t -*-
;; message output interleaves with stdout only per stream.
(princ "out 1\n")
(message "err 1")
(princ "out 2\n")
(message "err %d" 2)
(print (message "err %s" 'three))
