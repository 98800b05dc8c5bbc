;;; -*- lexical-binding: t -*-
;; Dynamic bindings are restored on non-local exit.
(defvar dyn 'outer)
(defun show () dyn)
(catch 'done
  (let ((dyn 'inner))
    (print (show))
    (throw 'done nil)))
(print (show))
(condition-case nil
    (let ((dyn 'in-error))
      (print (show))
      (error "x"))
  (error (print (show))))
(print (show))
(defun deep (n) (if (= n 0) (throw 'bottom (show)) (let ((dyn n)) (deep (1- n)))))
(print (catch 'bottom (deep 5)))
(print dyn)
