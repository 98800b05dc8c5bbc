;;; -*- lexical-binding: t -*-
;; `signal' with a nil symbol: nil data is a plain (error), otherwise the
;; data is the whole error. Sizes no memory can hold signal Emacs's
;; memory-full error, an `error' (its message is printed, not %S'd: Emacs
;; propertizes it).
(message "%S" (condition-case e (signal nil nil) (error (list 'caught e))))
(message "%S" (condition-case e (signal nil '(wrong-type-argument 1 2)) (error (list 'caught e))))
(message "%S" (condition-case e (signal nil '(arith-error)) (arith-error (list 'arith e))))
(dolist (thunk (list (lambda () (make-hash-table :size (expt 2 40)))
                     (lambda () (make-vector (expt 2 40) nil))
                     (lambda () (make-string (expt 2 40) ?a))))
  (message "%s" (condition-case e (funcall thunk) (error (list (car e) (error-message-string e))))))
