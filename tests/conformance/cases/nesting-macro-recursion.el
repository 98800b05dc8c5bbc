;;; -*- lexical-binding: t -*-
;; Infinitely recursive macro expansion is also caught.
(defmacro forever (x) `(forever ,x))
(print (condition-case e (eval '(forever 1) t) (error (car e))))
(print 'still-running)
