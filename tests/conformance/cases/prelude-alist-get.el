;;; -*- lexical-binding: t -*-
;; alist-get.
(setq al '((a . 1) (b . 2) (c)))
(print (alist-get 'a al))
(print (alist-get 'c al))
(print (alist-get 'c al 'dflt))
(print (alist-get 'd al 'dflt))
(print (alist-get "x" '(("x" . 1))))
(print (alist-get "x" '(("x" . 1)) nil nil #'equal))
(print (alist-get 2 '((1 . one) (2 . two))))
