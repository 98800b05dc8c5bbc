;;; -*- lexical-binding: t -*-
;; Nested condition-case and re-signalling.
(print (condition-case outer
           (condition-case inner (car 1)
             (wrong-type-argument (signal (car inner) (cdr inner))))
         (error (list 'outer outer))))
(print (condition-case outer
           (condition-case inner (car 1)
             (arith-error 'wrong-handler))
         (error (list 'passed-through outer))))
(print (condition-case e
           (condition-case e2 (error "one")
             (error (error "two: %s" (cadr e2))))
         (error e)))
(print (condition-case nil
           (progn (condition-case nil (car 1) (error nil)) 'continued)
         (error 'not-here)))
