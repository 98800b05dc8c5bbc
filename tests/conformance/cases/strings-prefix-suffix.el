;;; -*- lexical-binding: t -*-
;; string-prefix-p string-suffix-p.
(print (string-prefix-p "ab" "abc"))
(print (string-prefix-p "abc" "ab"))
(print (string-prefix-p "" "abc"))
(print (string-prefix-p "AB" "abc"))
(print (string-prefix-p "AB" "abc" t))
(print (string-suffix-p "bc" "abc"))
(print (string-suffix-p "abc" "bc"))
(print (string-suffix-p "" "abc"))
(print (string-suffix-p "BC" "abc" t))
(print (string-prefix-p "é" "éa"))
