;;; -*- lexical-binding: t -*-
;; eval measures a call's argument list first (Emacs's eval_sub /
;; apply_lambda): a dotted list is a wrong-type-argument, a circular one
;; a circular-list error, never a loop. A looping lexical environment is
;; found by the variable lookup (Fassq).
(defmacro show (form)
  `(message "%S" (condition-case e ,form (error e))))
(show (eval '(+ 1 . 2)))
(show (eval '(list 1 . 2)))
(show (eval '((lambda (x) x) 1 . 2)))
(show (eval '(quote 1 . 2)))
(show (eval '(setq a 1 . 2)))
(show (eval '(progn 1 . 2)))
(show (eval '(if t 1 . 2)))
(defun circular-form (head)
  (let ((f (list head 1)))
    (setcdr (cdr f) (cdr f))
    f))
(show (eval (circular-form '+)))
(show (eval (circular-form 'list)))
(show (eval (circular-form '(lambda (&rest x) x))))
(show (eval (circular-form 'if)))
(show (eval (circular-form 'quote)))
(show (eval (circular-form 'and)))
(defun looping-env (n)
  (let* ((env (mapcar (lambda (i) (cons (intern (format "v%d" i)) i))
                      (number-sequence 1 n))))
    (setcdr (last env) env)
    env))
(defmacro show-error-size (form)
  ;; The error's symbol and printed size: where the loop is reported.
  `(message "%S" (condition-case e ,form
                   (error (list (car e) (length (format "%S" e)))))))
(dolist (n '(1 2 3 5 7 64 65 100))
  (show-error-size (funcall (list 'closure (looping-env n) nil 'missing)))
  (show (funcall (list 'closure (looping-env n) nil 'v1)))
  (show-error-size (funcall (list 'closure (looping-env n) nil '(setq missing 3)))))
;; A macro call's arguments are applied to the expander (`Fapply').
(show (eval '(when t . 2)))
(show (eval (circular-form 'when)))
(show (eval (circular-form 'push)))
;; `let' measures its bindings first (`let*' walks them, as Emacs does).
(show (eval '(let ((a 1) . 2) a) t))
(show (eval '(let* ((a 1) . 2) a) t))
(let ((b (list '(a 1))))
  (setcdr b b)
  (show (eval (list 'let b 'a) t))
  (show (eval (list 'let b 'a) nil)))
