;;; -*- lexical-binding: t -*-
;; symbol-name.
(print (symbol-name 'foo))
(print (symbol-name :kw))
(print (symbol-name nil))
(print (symbol-name t))
(print (symbol-name '1+))
(print (symbol-name (intern "")))
(print (symbol-name 'a\.b))
(print (condition-case e (symbol-name "s") (error e)))
(print (string= (symbol-name 'abc) "abc"))
(print (symbolp (intern (concat "a" "b"))))
(print (eq (intern (concat "a" "b")) 'ab))
