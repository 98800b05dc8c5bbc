;;; -*- lexical-binding: t -*-
;; c[ad]r helpers.
(setq tree '((1 . 2) (3 . 4) (5 . 6)))
(print (caar tree))
(print (cdar tree))
(print (cadr tree))
(print (cddr tree))
(print (car (cadr tree)))
(print (mapcar #'cdr tree))
