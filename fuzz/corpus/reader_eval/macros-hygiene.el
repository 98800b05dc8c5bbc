;;; -*- lexical-binding: t -*-
;; make-symbol and gensym avoid capture.
(defmacro my-or2 (a b)
  (let ((tmp (make-symbol "tmp")))
    `(let ((,tmp ,a)) (if ,tmp ,tmp ,b))))
(let ((tmp 'user))
  (print (my-or2 nil tmp)))
(print (my-or2 1 (error "not reached")))
(defmacro bad-or2 (a b) `(let ((tmp ,a)) (if tmp tmp ,b)))
(let ((tmp 'user))
  (print (bad-or2 nil tmp)))
