;;; -*- lexical-binding: t -*-
;; gensym makes fresh uninterned symbols.
(let ((a (gensym)) (b (gensym "x")))
  (print (symbolp a))
  (print (eq a b))
  (print (intern-soft (symbol-name a)))
  (print (string-prefix-p "g" (symbol-name a)))
  (print (string-prefix-p "x" (symbol-name b))))
(let ((s (make-symbol "tmp")))
  (set s 5)
  (print (symbol-value s))
  (fset s (lambda () 'called))
  (print (funcall s)))
