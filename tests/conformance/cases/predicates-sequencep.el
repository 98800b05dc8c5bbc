;;; -*- lexical-binding: t -*-
;; sequencep, listp, consp, atom on many values.
(print (mapcar #'sequencep (list nil '(1) "s" [1] 1 'a)))
(print (mapcar #'listp (list nil '(1) "s" [1] 1 'a)))
(print (mapcar #'consp (list nil '(1) "s" [1] 1 'a)))
(print (mapcar #'atom (list nil '(1) "s" [1] 1 'a)))
(print (mapcar #'nlistp (list nil '(1) "s" [1] 1 'a)))
(print (mapcar #'vectorp (list nil '(1) "s" [1] 1 'a)))
(print (mapcar #'stringp (list nil '(1) "s" [1] 1 'a ?a)))
(print (mapcar #'symbolp (list nil t :k 'a "a" 1)))
(print (mapcar #'keywordp (list nil t :k 'a "a" 1)))
