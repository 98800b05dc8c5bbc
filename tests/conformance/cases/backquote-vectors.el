;;; -*- lexical-binding: t -*-
;; Backquote in vectors and dotted positions.
(let ((a 1) (b '(2 3)))
  (print `[,a ,@b])
  (print `[x [,a]])
  (print `(,a [,a] . ,b))
  (print `(k . ,b)))
