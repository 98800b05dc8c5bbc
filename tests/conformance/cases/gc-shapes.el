;;; -*- lexical-binding: t -*-
;; garbage-collect: only the shape of the result is checked.
(print (listp (garbage-collect)))
(print (car (car (garbage-collect))))
(print (integerp (nth 1 (car (garbage-collect)))))
