;;; -*- lexical-binding: t -*-
;; Comments are skipped.
(print 1) ; trailing comment
;; a full line comment
;;; triple
(print (list 1 ; inside a list
             2
             ;; another
             3))
(print "; not a comment")
(print '(a;comment
         b))
(print ?\;)
