;;; -*- lexical-binding: t -*-
;; Return value of condition-case and handler bodies.
(print (condition-case nil (progn 1 2 3) (error 'e)))
(print (condition-case nil (error "x") (error 1 2 3)))
(print (condition-case nil (error "x") (error)))
(print (condition-case e (error "x") (error (setq e 'reassigned) e)))
(print (mapcar (lambda (x) (condition-case nil (/ 10 x) (arith-error 'inf))) '(1 2 0 5)))
