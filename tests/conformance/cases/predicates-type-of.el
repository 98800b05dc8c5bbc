;;; -*- lexical-binding: t -*-
;; type-of over every kind of object minilisp has (host objects aside:
;; tests/host_objects.rs), and user-ptrp, which no plain value satisfies.
(dolist (v (list 0 -7 ?a most-positive-fixnum most-negative-fixnum
                 (1+ most-positive-fixnum) (- (expt 2 100)) (* 1000000000000 1000000000000)
                 1.5 -0.0 1.0e+INF 0.0e+NaN
                 "" "str" "é" (make-string 3 ?x) (symbol-name 'abc)
                 nil t 'sym :kw (make-symbol "unint") (intern "interned")
                 '(1) '(a . b) (list 1 2 3) (cons nil nil)
                 [] [1 2] (make-vector 2 nil) (vector 'a "b")
                 (make-hash-table) (make-hash-table :test 'equal)
                 (symbol-function 'car) (symbol-function 'cons) (symbol-function '+)
                 (symbol-function 'if) (symbol-function 'let) (symbol-function 'quote)
                 #'car 'car
                 (lambda () 1) (let ((x 1)) (lambda (y) (+ x y)))))
  (princ (format "%S: %S %S\n" v (type-of v) (user-ptrp v))))
(print (type-of (type-of 1)))
(print (eq (type-of 1) 'integer))
(print (mapcar #'type-of '(1 1.0 "s" s (c) [v])))
(print (condition-case err (type-of) (error err)))
(print (condition-case err (type-of 1 2) (error err)))
(print (condition-case err (user-ptrp) (error err)))
(print (fboundp 'user-ptrp))
