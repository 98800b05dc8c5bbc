;;; -*- lexical-binding: t -*-
;; terpri and newline handling.
(princ "a")
(terpri)
(terpri)
(princ "b")
(print 'c)
(princ "d")
(print (terpri))
(princ "no newline at end")
