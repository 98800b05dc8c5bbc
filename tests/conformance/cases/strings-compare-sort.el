;;; -*- lexical-binding: t -*-
;; Sorting strings.
(print (sort (list "banana" "Apple" "cherry" "apple") #'string<))
(print (sort (split-string "d c b a") #'string-lessp))
(print (sort (list "b" "a" "c") (lambda (a b) (string< b a))))
(print (sort (mapcar #'symbol-name '(zeta alpha mid)) #'string<))
(print (sort (list 'b 'a 'c) #'string<))
