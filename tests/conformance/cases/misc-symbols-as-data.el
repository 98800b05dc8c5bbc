;;; -*- lexical-binding: t -*-
;; Symbolic differentiation.
(defun deriv (e v)
  (cond ((numberp e) 0)
        ((symbolp e) (if (eq e v) 1 0))
        ((eq (car e) '+) (list '+ (deriv (nth 1 e) v) (deriv (nth 2 e) v)))
        ((eq (car e) '*) (list '+ (list '* (nth 1 e) (deriv (nth 2 e) v))
                               (list '* (deriv (nth 1 e) v) (nth 2 e))))
        (t (error "Unknown op %s" (car e)))))
(print (deriv '(+ x 3) 'x))
(print (deriv '(* x y) 'x))
(print (deriv '(* (* x y) (+ x 3)) 'x))
(print (condition-case e (deriv '(/ x 1) 'x) (error e)))
(print (eval `(let ((x 2) (y 5)) ,(deriv '(* x y) 'x)) t))
