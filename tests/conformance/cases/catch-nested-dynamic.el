;;; -*- lexical-binding: t -*-
;; Catch tags are dynamically scoped.
(defun inner-throw () (throw 'escape 'from-inner))
(defun middle () (inner-throw) 'not-reached)
(print (catch 'escape (middle)))
(defun search-tree (tree target)
  (catch 'found
    (let ((walk nil))
      (setq walk (lambda (node)
                   (cond ((equal node target) (throw 'found node))
                         ((consp node) (funcall walk (car node)) (funcall walk (cdr node))))))
      (funcall walk tree)
      nil)))
(print (search-tree '(a (b (c d)) e) 'd))
(print (search-tree '(a (b (c d)) e) 'z))
(print (catch 'x (catch 'x (throw 'x 'innermost)) 'outer-continues))
