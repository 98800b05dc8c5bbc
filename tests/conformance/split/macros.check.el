;;; -*- lexical-binding: t -*-
(print (uses-macro 5))
(let ((y 7)) (print (with-doubled y (* y y))))
(let ((z 1)) (my-inc z) (my-inc z) (print z))
(print (macroexpand '(my-inc q)))
(print (macroexpand-1 '(with-doubled a b c)))
(defmacro my-inc (place) `(setq ,place (+ 10 ,place)))
(print (uses-macro 1))
(let ((w 1)) (my-inc w) (print w))
