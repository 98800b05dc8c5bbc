;;; -*- lexical-binding: t -*-
;; ,@ splices copy all but the last list.
(let* ((l (list 1 2))
       (a `(,@l))
       (b `(,@l 3))
       (c `(0 ,@l)))
  (print (eq a l))
  (print (eq (cddr b) l))
  (print (eq (cdr c) l))
  (print (list a b c)))
(let ((s "str") (n 3))
  (print `(,s ,n ,(format "%s%d" s n))))
