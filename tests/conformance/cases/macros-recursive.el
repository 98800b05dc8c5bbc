;;; -*- lexical-binding: t -*-
;; Macros that expand into other macros and recursive macros.
(defmacro my-cond (&rest clauses)
  (if (null clauses) nil
    `(if ,(caar clauses) (progn ,@(cdar clauses)) (my-cond ,@(cdr clauses)))))
(print (my-cond (nil 1) ((= 1 1) 2) (t 3)))
(print (my-cond))
(print (macroexpand-1 '(my-cond (a b))))
(defmacro thread (x &rest forms)
  (if (null forms) x
    `(thread (,(caar forms) ,x ,@(cdar forms)) ,@(cdr forms))))
(print (thread 5 (+ 1) (* 2) (- 3)))
