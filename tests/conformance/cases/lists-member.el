;;; -*- lexical-binding: t -*-
;; memq memql member.
(print (memq 'c '(a b c d)))
(print (memq 'z '(a b c)))
(print (memq "b" '("a" "b")))
(print (member "b" '("a" "b" "c")))
(print (member '(1) '((0) (1) (2))))
(print (memql 2.0 '(1.0 2.0 3.0)))
(print (memq 2.0 '(1.0 2.0 3.0)))
(print (member 2 '(1 2.0 2)))
(print (memq nil '(a nil b)))
(print (member nil nil))
(print (condition-case e (memq 'a 'b) (error e)))
(print (condition-case e (member 'x '(a . b)) (error e)))
