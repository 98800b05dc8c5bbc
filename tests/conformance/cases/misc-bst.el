;;; -*- lexical-binding: t -*-
;; Binary search tree as nested lists (value left right).
(defun bst-insert (tree v)
  (cond ((null tree) (list v nil nil))
        ((< v (car tree)) (list (car tree) (bst-insert (cadr tree) v) (nth 2 tree)))
        (t (list (car tree) (cadr tree) (bst-insert (nth 2 tree) v)))))
(defun bst-inorder (tree)
  (when tree
    (append (bst-inorder (cadr tree)) (list (car tree)) (bst-inorder (nth 2 tree)))))
(let ((tr nil))
  (dolist (v '(50 30 70 20 40 60 80 35)) (setq tr (bst-insert tr v)))
  (print tr)
  (print (bst-inorder tr)))
