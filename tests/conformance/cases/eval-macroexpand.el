;;; -*- lexical-binding: t -*-
;; macroexpand and macroexpand-1.
(defmacro my-inc (v) (list 'setq v (list '1+ v)))
(defmacro my-inc2 (v) (list 'my-inc v))
(print (macroexpand-1 '(my-inc x)))
(print (macroexpand-1 '(my-inc2 x)))
(print (macroexpand '(my-inc2 x)))
(print (macroexpand '(not-a-macro x)))
(print (macroexpand 'atom))
(print (macroexpand-1 '(when a b c)))
(print (macroexpand-1 '(unless a b)))
(print (macroexpand '(my-inc2 (car y))))
(print (macroexpand '(progn (my-inc x))))
(let ((x 1)) (my-inc2 x) (print x))
