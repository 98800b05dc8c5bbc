;;; -*- lexical-binding: t -*-
;; print emits a newline before and after.
(print 1)
(print 2)
(prin1 3)
(print 4)
(princ 5)
(prin1 6)
(print "x")
