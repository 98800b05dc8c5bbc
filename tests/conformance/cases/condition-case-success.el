;;; -*- lexical-binding: t -*-
;; condition-case with :success.
(print (condition-case v (+ 1 2) (:success (list 'ok v)) (error 'err)))
(print (condition-case v (car 1) (:success (list 'ok v)) (error (list 'err v))))
(print (condition-case nil 5 (:success 'no-var)))
(print (condition-case v nil (:success (list 'nil-value v))))
(print (condition-case v (throw-free) (:success 'x) (void-function (car v))))
(print (catch 'tag (condition-case v (throw 'tag 'thrown) (:success 'not-run))))
(print (condition-case v 'a (error 'e) (:success (list 'after-error-clause v))))
(print (condition-case v 10 (:success (* v 2) (+ v 1))))
