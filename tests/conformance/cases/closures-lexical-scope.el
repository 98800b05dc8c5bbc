;;; -*- lexical-binding: t -*-
;; Lexical scope: functions do not see callers' locals.
(defun sees-x () (condition-case e x (void-variable (list 'void (cadr e)))))
(let ((x 'local)) (print (sees-x)))
(let ((x 1))
  (defun closes-over-x () x))
(print (closes-over-x))
(let ((y 1))
  (let ((g (lambda () y)))
    (let ((y 2))
      (print (funcall g)))))
(defun shadow (x) (let ((x (* x 2))) x))
(print (shadow 5))
(print (let ((x 1)) (list (let ((x 2)) x) x)))
