;;; -*- lexical-binding: t -*-
;; Expansion of prelude macros (printed forms of their results only).
(print (let ((x 0)) (when (= x 0) 'a 'b)))
(print (let ((x 1)) (when (= x 0) 'a 'b)))
(print (unless nil 'u1 'u2))
(print (unless t 'u1))
(print (let ((l nil)) (dolist (x '(1 2 3) l) (push x l))))
(print (let ((s 0)) (dotimes (i 5 s) (setq s (+ s i)))))
(print (let (res) (dolist (x '(a b)) (push x res)) res))
(print (let ((r 0)) (dotimes (i 4) (setq r (+ r i))) r))
(print (macroexpand '(when a b)))
(print (macroexpand '(unless a b)))
