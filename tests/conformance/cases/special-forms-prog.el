;;; -*- lexical-binding: t -*-
;; progn prog1 prog2.
(let ((x 1))
  (print (prog1 x (setq x 2)))
  (print x)
  (print (prog2 (setq x 10) (+ x 1) (setq x 20)))
  (print x)
  (print (progn (setq x 30) (+ x 1))))
(print (prog1 'only))
(print (condition-case e (eval '(prog1)) (error e)))
(print (condition-case e (eval '(prog2 1)) (error (car e))))
