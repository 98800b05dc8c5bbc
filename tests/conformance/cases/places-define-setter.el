;;; -*- lexical-binding: t -*-
;; gv-define-setter, gv-define-simple-setter, (declare (gv-setter ...)),
;; gv-define-expander, gv-letplace and places that are macros.
(defmacro show (form)
  `(condition-case err
       (princ (format "%S -> %S\n" ',form ,form))
     (error (princ (format "%S signals %S\n" ',form err)))))

;; As dash.el writes them.
(defun my-first (l) (car l))
(gv-define-setter my-first (val l) `(setcar ,l ,val))
(defun my-second (l) (car (cdr l)))
(gv-define-simple-setter my-second my-set-second)
(defun my-set-second (l v) (setcar (cdr l) v) 'ignored)
(defun my-third (l) (nth 2 l))
(gv-define-simple-setter my-third my-set-third t)
(defun my-set-third (l v) (setcar (nthcdr 2 l) v) 'ignored)

(let ((l (list 1 2 3)))
  (show (setf (my-first l) 'a))
  (show (setf (my-second l) 'b))
  (show (setf (my-third l) 'c))
  (show l)
  (show (cl-incf (my-first (list 5))))
  (show (push 'p (my-third l)))
  (show l))

;; Setters with extra arguments.
(defun my-get (obj key) (cdr (assq key (car obj))))
(gv-define-setter my-get (val obj key)
  `(setcar ,obj (cons (cons ,key ,val) (car ,obj))))
(let ((o (list nil)))
  (show (setf (my-get o 'a) 1))
  (show (cl-incf (my-get o 'a) 5))
  (show o))

;; declare gv-setter with a symbol and with a lambda.
(defun my-nth (n l) (declare (gv-setter my-set-nth)) (nth n l))
(defun my-set-nth (n l v) (setcar (nthcdr n l) v))
(defun my-last (l)
  (declare (gv-setter (lambda (val) `(setcar (last ,l) ,val))))
  (car (last l)))
(let ((l (list 1 2 3)))
  (show (setf (my-nth 1 l) 'two))
  (show (setf (my-last l) 'end))
  (show l))

;; A macro place is expanded first.
(defmacro my-head (x) `(car ,x))
(let ((l (list 1 2)))
  (show (setf (my-head l) 'h))
  (show (cl-incf (my-head (cdr l))))
  (show l))

;; An alias of a place function.
(defalias 'my-car #'car)
(let ((l (list 1 2)))
  (show (setf (my-car l) 'aliased))
  (show l))

;; gv-define-expander and gv-letplace.
(gv-define-expander my-plus-one
  (lambda (do place)
    (gv-letplace (getter setter) place
      (funcall do `(1+ ,getter)
               (lambda (v) (funcall setter `(1- ,v)))))))
(let ((x 10))
  (show (setf (my-plus-one x) 100))
  (show x))

;; Conditional places.
(let ((a (list 1)) (b (list 2)) (flag nil))
  (setf (car (if flag a b)) 'chosen)
  (show (list a b))
  (setf (if flag (car a) (car b)) 'direct)
  (show (list a b))
  (show (let ((x (list 0))) (setf (progn (car x)) 5) x)))

;; A (setf NAME) function.
(defalias '\(setf\ my-thing\) (lambda (val obj) (setcar obj (* 2 val))))
(let ((o (list 0)))
  (show (setf (my-thing o) 21))
  (show o))

(show (function-get 'my-nth 'gv-expander))
(show (functionp (get 'car 'gv-expander)))
(show (macroexpand '(setf (my-first x) 5)))
(show (macroexpand '(push v (car (f)))))
