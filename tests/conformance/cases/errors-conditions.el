;;; -*- lexical-binding: t -*-
;; error-conditions of the standard errors.
(dolist (e '(error void-variable void-function wrong-type-argument args-out-of-range
             wrong-number-of-arguments arith-error invalid-read-syntax end-of-file
             no-catch setting-constant invalid-function user-error overflow-error
             cyclic-function-indirection circular-list))
  (princ (format "%s %S %S\n" e (get e 'error-conditions) (get e 'error-message))))
