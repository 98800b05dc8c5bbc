;;; -*- lexical-binding: t -*-
;; push, pop, cl-incf, cl-decf, cl-pushnew on places; each subform of a
;; place is evaluated once, left to right.
(defmacro show (form)
  `(condition-case err
       (princ (format "%S -> %S\n" ',form ,form))
     (error (princ (format "%S signals %S\n" ',form err)))))

(let ((l (list (list 1) (list 2))) (v (vector nil nil)))
  (show (push 0 (car l)))
  (show (push 'x (nth 1 l)))
  (show l)
  (show (pop (car l)))
  (show (pop (cadr l)))
  (show l)
  (show (push 'a (aref v 1)))
  (show (push 'b (aref v 1)))
  (show (pop (aref v 1)))
  (show v))

(let ((h (make-hash-table)))
  (push 1 (gethash 'k h))
  (push 2 (gethash 'k h))
  (show (gethash 'k h))
  (show (pop (gethash 'k h)))
  (show (gethash 'k h)))

(let ((al nil))
  (push 1 (alist-get 'a al))
  (push 2 (alist-get 'a al))
  (show al)
  (show (pop (alist-get 'a al)))
  (show al))

(let ((n 5) (l (list 1 2 3)) (v (vector 10 20)))
  (show (cl-incf n))
  (show (cl-incf n 10))
  (show (cl-decf n))
  (show (cl-decf n 3))
  (show (cl-incf (car l)))
  (show (cl-incf (nth 2 l) 100))
  (show (cl-decf (aref v 1) 5))
  (show (list n l v)))

;; Order of evaluation: each subform once, left to right.
(let* ((log nil)
       (trace (lambda (tag val) (push tag log) val))
       (v (vector 0 0 0))
       (i 0))
  (cl-incf (aref (funcall trace 'vec v) (funcall trace 'idx (setq i (1+ i))))
           (funcall trace 'delta 10))
  (show (list v i (reverse log)))
  (setq log nil)
  (push (funcall trace 'new 'x) (aref (funcall trace 'vec v) (funcall trace 'idx 2)))
  (show (list v (reverse log)))
  (setq log nil)
  (setf (aref (funcall trace 'vec v) (funcall trace 'idx 0))
        (funcall trace 'val 'y))
  (show (list v (reverse log)))
  (setq log nil)
  (show (pop (aref (funcall trace 'vec v) (funcall trace 'idx 2))))
  (show (list v (reverse log))))

;; The index is read before the value is computed.
(let ((v (vector 'a 'b 'c)) (i 0))
  (setf (aref v i) (progn (setq i 2) 'z))
  (show (list v i)))

;; cl-pushnew
(require 'cl-lib)
(let ((l (list 1 2)) (c (list (list 'a))))
  (show (cl-pushnew 3 l))
  (show (cl-pushnew 2 l))
  (show (cl-pushnew 'b (car c)))
  (show (cl-pushnew 'a (car c)))
  (show (cl-pushnew "s" l :test #'equal))
  (show (cl-pushnew "s" l :test #'equal))
  (show c))

;; errors
(show (pop 5))
(show (let ((x 1)) (push 1 (car x))))
(show (cl-incf (car (list 'a))))
(show (let ((l '(1 2))) (list (pop l) (pop l) (pop l) l)))
