;;; -*- lexical-binding: t -*-
;; Combining read-from-string and eval.
(defun eval-string (s) (eval (car (read-from-string s)) t))
(print (eval-string "(+ 1 2 3)"))
(print (eval-string "(mapcar #'1+ '(1 2))"))
(print (eval-string "(let ((x 3)) (* x x))"))
(print (eval-string "\"str\""))
(print (eval-string "(progn (defun from-string (a) (* a 100)) (from-string 2))"))
(print (from-string 3))
(let ((pos 0) (src "(+ 1 1) (* 2 3) (list 'a)") (results nil))
  (condition-case nil
      (while t
        (let ((r (read-from-string src pos)))
          (push (eval (car r) t) results)
          (setq pos (cdr r))))
    (end-of-file nil))
  (print (nreverse results)))
