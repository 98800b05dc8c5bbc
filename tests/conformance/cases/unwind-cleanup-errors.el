;;; -*- lexical-binding: t -*-
;; Errors and throws inside cleanup forms.
(print (condition-case e
           (unwind-protect 'ok (error "from cleanup"))
         (error e)))
(print (catch 'c
         (condition-case e
             (unwind-protect (error "body") (throw 'c 'cleanup-threw))
           (error (list 'handler e)))))
(print (condition-case e
           (unwind-protect (error "first") (error "second"))
         (error e)))
(let ((x 0))
  (print (catch 't1 (unwind-protect (throw 't1 'a) (setq x 1))))
  (print x))
