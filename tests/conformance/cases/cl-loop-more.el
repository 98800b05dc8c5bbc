;;; -*- lexical-binding: t -*-
;; More cl-loop: if/else into, by with a quoted function, concat, nested loops.
(require 'cl-lib)
(print (cl-loop for i from 1 to 10
                if (cl-evenp i) collect i into evens
                else collect i into odds
                finally return (list evens odds)))
(print (cl-loop for x in '(1 2 3 4 5 6) by 'cddr collect x))
(print (cl-loop for s in '("a" "b" "c") concat s))
(print (cl-loop for v in '([1] [2 3]) vconcat v))
(print (cl-loop for x across [a b c] for i from 0 collect (list i x)))
(print (cl-loop for i from 1 to 3 collect (cl-loop for j from 1 to i collect j)))
(print (cl-loop for i from 1 to 3 and j from 10 collect (+ i j)))
(print (cl-loop for x in '(1 2 3) collect x into acc finally return (nreverse acc)))
(print (cl-loop for x in '(5 1 4) for y = (* x x) when (> y 3) collect y and collect 'big))
(print (cl-loop for x in '(1 nil 2) when x collect it))
(print (cl-loop for i from 3 above 0 collect i))
(print (cl-loop for (a b . c) in '((1 2 3 4) (5 6)) collect (list a b c)))
(print (cl-loop for x in '(1 2 3) for first = t then nil collect (if first 'first x)))
(print (cl-loop for i from 1 to 3 do (princ i) collect i))
(print (cl-loop for x on '(1 2 3 4) by #'cddr collect (car x)))
(print (cl-loop with n = 3 repeat n collect n))
(print (cl-loop for i from 1 to 4 when (cl-oddp i) sum i and count t))
(print (catch 'done (cl-loop for x in '(1 2 3) do (when (= x 2) (throw 'done 'thrown)))))
(print (cl-loop for i upfrom 2 below 5 collect i))
(print (cl-loop for x in '(1 2 3 4) maximize x into m minimize x into n finally return (cons m n)))
