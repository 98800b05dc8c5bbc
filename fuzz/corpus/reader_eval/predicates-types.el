;;; -*- lexical-binding: t -*-
;; Type predicates over a table of values.
(defvar samples (list nil t 0 1.5 'sym :kw "str" "" '(1) '(a . b) [1] [] (make-hash-table) #'car (lambda () 1)))
(dolist (p '(null consp atom listp nlistp symbolp keywordp stringp numberp
             integerp floatp vectorp sequencep functionp))
  (princ (format "%s: %S\n" p (mapcar (lambda (v) (if (funcall p v) 1 0)) samples))))
