;;; -*- lexical-binding: t -*-
;; String literals and escapes.
(print "plain")
(print "line\nbreak")
(print "tab\there")
(print "back\\slash")
(print "quote\"inside")
(princ "line\nbreak")
(terpri)
(princ "tab\there")
(terpri)
(print (length "a\nb"))
(print (length "\\"))
(print "caf\u00e9")
(print "\x41\ B")
(print "multi
line")
(print (length "multi
line"))
(print "")
(print (length ""))
(print "\e")
(print "a\
b")
