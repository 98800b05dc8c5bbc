;;; -*- lexical-binding: t -*-
;; Macros are stored as (macro . FUNCTION).
(defmacro sf-mac (x) `(list ,x ,x))
(print (car (symbol-function 'sf-mac)))
(print (functionp (cdr (symbol-function 'sf-mac))))
(print (funcall (cdr (symbol-function 'sf-mac)) 'y))
(fset 'hand-made-mac (cons 'macro (lambda (x) (list 'quote (list x x)))))
(print (hand-made-mac z))
(print (macroexpand '(hand-made-mac q)))
