;;; -*- lexical-binding: t -*-
;; defmacro basics.
(defmacro my-unless (cond &rest body) (list 'if cond nil (cons 'progn body)))
(print (my-unless nil 1 2))
(print (my-unless t 1 2))
(defmacro swap (a b) (list 'let (list (list 'tmp a)) (list 'setq a b) (list 'setq b 'tmp)))
(let ((x 1) (y 2)) (swap x y) (print (list x y)))
(print (defmacro returns-name () nil))
(defmacro my-list (&rest args) (cons 'list args))
(print (my-list 1 (+ 1 1) 3))
(defmacro opt-mac (a &optional b) (list 'quote (list a b)))
(print (opt-mac 1))
