;;; -*- lexical-binding: t -*-
;; condition-case basics.
(print (condition-case nil (car 1) (error 'caught)))
(print (condition-case err (car 1) (error err)))
(print (condition-case err (car 1) (wrong-type-argument (list 'wta (cdr err)))))
(print (condition-case err 'no-error (error 'caught)))
(print (condition-case err (/ 1 0) (wrong-type-argument 'wta) (arith-error 'arith)))
(print (condition-case err (car 1) ((arith-error wrong-type-argument) 'either)))
(print (condition-case err (signal 'my-err '(1 2)) (t (list 'any err))))
(print (condition-case nil (car 1) (error)))
(print (condition-case nil (car 1) (error 1 2 3)))
