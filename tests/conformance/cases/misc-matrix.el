;;; -*- lexical-binding: t -*-
;; Matrix multiplication with lists.
(defun dot (u v) (if (null u) 0 (+ (* (car u) (car v)) (dot (cdr u) (cdr v)))))
(defun mat-col (m j) (mapcar (lambda (row) (nth j row)) m))
(defun mat-mul (a b)
  (mapcar (lambda (row)
            (mapcar (lambda (j) (dot row (mat-col b j)))
                    (number-sequence 0 (1- (length (car b))))))
          a))
(print (mat-mul '((1 2) (3 4)) '((5 6) (7 8))))
(print (mat-mul '((1 0 0) (0 1 0) (0 0 1)) '((1 2 3) (4 5 6) (7 8 9))))
(print (mat-mul '((1.5 2)) '((2) (0.25))))
