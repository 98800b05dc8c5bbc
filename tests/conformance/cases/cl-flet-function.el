;;; -*- lexical-binding: t -*-
;; #'NAME of a cl-flet / cl-labels function is the local function.
(require 'cl-lib)
(print (cl-flet ((sq (x) (* x x))) (mapcar #'sq '(1 2 3))))
(print (cl-flet ((sq (x) (* x x))) (funcall #'sq 5)))
(print (cl-labels ((walk (tree) (if (consp tree) (apply #'+ (mapcar #'walk tree)) (if (numberp tree) tree 0))))
         (walk '(1 (2 3) (4 (5 x))))))
(print (cl-flet ((f (x) (list 'local x))) (list (f 1) '(function f) (funcall (lambda () (f 2))))))
(print (cl-flet ((add1 #'1+)) (add1 41)))
(print (cl-labels ((count-down (n acc) (if (= n 0) (nreverse acc) (count-down (1- n) (cons n acc)))))
         (count-down 4 nil)))
