;;; -*- lexical-binding: t -*-
;; throw to an unknown tag signals no-catch.
(print (condition-case e (throw 'unknown 'val) (no-catch e)))
(print (condition-case e (throw 'unknown 'val) (error (list 'error-caught e))))
(print (condition-case e (catch 'a (throw 'b 1)) (no-catch (cdr e))))
(print (catch 'b (condition-case e (throw 'b 'through) (error 'not-here))))
(print (get 'no-catch 'error-conditions))
(print (condition-case e (catch (list 'x) (throw (list 'x) 1)) (no-catch 'not-eq)))
