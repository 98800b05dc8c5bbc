;;; -*- lexical-binding: t -*-
;; push and pop return values.
(setq stack nil)
(print (push 'a stack))
(print (push 'b stack))
(print (pop stack))
(print (pop stack))
(print (pop stack))
(print stack)
(let ((l (list 1 2 3)))
  (print (list (pop l) (pop l) l)))
