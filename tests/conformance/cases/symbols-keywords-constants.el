;;; -*- lexical-binding: t -*-
;; Keywords and constants cannot be changed.
(print (condition-case e (setq :k 1) (error e)))
(print (condition-case e (set :k 2) (error e)))
(print (condition-case e (let ((t 1)) t) (error e)))
(print (condition-case e (let ((nil 1)) 1) (error e)))
(print (condition-case e (defvar :k 1) (error (car e))))
(print (condition-case e (set :k :k) (error e)))
(print (keywordp :k))
