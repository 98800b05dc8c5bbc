;;; -*- lexical-binding: t -*-
;; unwind-protect runs cleanup forms on normal and non-local exit.
(print (unwind-protect 'body-value (princ "cleanup1\n")))
(print (catch 'tag (unwind-protect (throw 'tag 'thrown) (princ "cleanup2\n"))))
(print (condition-case e
           (unwind-protect (error "err") (princ "cleanup3\n"))
         (error (cadr e))))
(print (unwind-protect 1 2 3))
(let ((log nil))
  (catch 'x
    (unwind-protect
        (unwind-protect (throw 'x nil) (push 'inner log))
      (push 'outer log)))
  (print log))
(print (unwind-protect (progn 'a 'b)))
