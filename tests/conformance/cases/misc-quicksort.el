;;; -*- lexical-binding: t -*-
;; Quicksort on lists.
(defun qsort (l)
  (if (null l) nil
    (let ((p (car l)) (rest (cdr l)))
      (append (qsort (seq-filter (lambda (x) (< x p)) rest))
              (list p)
              (qsort (seq-filter (lambda (x) (>= x p)) rest))))))
(print (qsort '(3 1 4 1 5 9 2 6 5 3 5)))
(print (qsort nil))
(print (qsort '(1)))
(print (equal (qsort '(5 4 3 2 1)) (sort (list 5 4 3 2 1) #'<)))
