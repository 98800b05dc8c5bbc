;;; -*- lexical-binding: t -*-
;; float-time and sleep-for (only shapes and ordering are checked).
(print (floatp (float-time)))
(print (> (float-time) 1500000000.0))
(let ((t0 (float-time)))
  (print (sleep-for 0.01))
  (print (>= (- (float-time) t0) 0.005)))
(print (sleep-for 0))
