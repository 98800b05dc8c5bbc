;;; -*- lexical-binding: t -*-
;; pdumper-stats: only the keys and types are checked.
(let ((s (pdumper-stats)))
  (print (mapcar #'car s))
  (print (cdr (assq 'dumped-with-pdumper s)))
  (print (floatp (cdr (assq 'load-time s))))
  (print (stringp (cdr (assq 'dump-file-name s)))))
