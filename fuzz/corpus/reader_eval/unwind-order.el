;;; -*- lexical-binding: t -*-
;; Order of cleanups across nested frames.
(defun level (n)
  (unwind-protect
      (if (= n 0) (throw 'done 'bottom) (level (1- n)))
    (princ (format "unwind %d\n" n))))
(print (catch 'done (level 3)))
(defun lvl-err (n)
  (unwind-protect
      (if (= n 0) (error "bottom error") (lvl-err (1- n)))
    (princ (format "unwind-err %d\n" n))))
(print (condition-case e (lvl-err 2) (error (cadr e))))
