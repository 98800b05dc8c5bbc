;;; -*- lexical-binding: t -*-
;; garbage-collect returns a list; only its shape is checked.
(print (listp (garbage-collect)))
(print (consp (car (garbage-collect))))
(print (symbolp (car (car (garbage-collect)))))
(let ((x (list 1 2 3)))
  (garbage-collect)
  (print x))
