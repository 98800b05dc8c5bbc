;;; -*- lexical-binding: t -*-
(let ((f (list '+ 1))) (setcdr (cdr f) (cdr f)) (eval f))
