;;; -*- lexical-binding: t -*-
;; A tiny evaluator for arithmetic expressions with environments.
(defun ev (e env)
  (cond ((numberp e) e)
        ((symbolp e) (let ((b (assq e env))) (if b (cdr b) (signal 'void-variable (list e)))))
        ((eq (car e) 'let1) (ev (nth 3 e) (cons (cons (nth 1 e) (ev (nth 2 e) env)) env)))
        (t (apply (car e) (mapcar (lambda (x) (ev x env)) (cdr e))))))
(print (ev '(+ 1 (* 2 3)) nil))
(print (ev '(let1 x 5 (+ x x)) nil))
(print (ev '(let1 x 5 (let1 y (* x 2) (- y x))) nil))
(print (condition-case e (ev '(+ z 1) nil) (void-variable e)))
