;;; -*- lexical-binding: t -*-
;; string-join and string-trim (from subr-x in Emacs 28).
(require 'subr-x)
(print (string-join '("a" "b" "c") ", "))
(print (string-join '("a" "b")))
(print (string-join nil "-"))
(print (string-join '("only") "-"))
(print (string-trim "  hello  "))
(print (string-trim "\n\t x \n"))
(print (string-trim ""))
(print (string-trim "   "))
(print (string-trim "xxhixx" "x+" "x+"))
(print (string-trim "no-space"))
(print (string-join (split-string "a b c") "+"))
