;;; -*- lexical-binding: t -*-
;; benchmark-run returns (ELAPSED GC-COUNT GC-SECONDS).
(let ((r (benchmark-run 1 (+ 1 2))))
  (print (length r))
  (print (floatp (car r)))
  (print (integerp (nth 1 r)))
  (print (numberp (nth 2 r))))
(print (length (benchmark-run 10 (make-list 10 'x))))
(print (length (benchmark-run (make-list 10 'x))))
