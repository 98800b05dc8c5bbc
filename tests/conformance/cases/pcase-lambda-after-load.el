;;; -*- lexical-binding: t -*-
;; pcase-lambda, and with-eval-after-load on a file name.
(setq load-path (cons "lib" load-path))
(defmacro show (form)
  `(condition-case err
       (princ (format "%S -> %S\n" ',form ,form))
     (error (princ (format "%S signals %S\n" ',form err)))))
(show (funcall (pcase-lambda (`(,a . ,b) c) (list a b c)) '(1 . 2) 3))
(show (mapcar (pcase-lambda (`(,k . ,v)) (format "%s=%s" k v)) '((a . 1) (b . 2))))
(show (funcall (pcase-lambda (x &optional `(,y)) "Doc." (list x y)) 1 '(2)))
(show (funcall (pcase-lambda (x &rest `(,y . ,z)) (list x y z)) 1 2 3))
(show (with-eval-after-load "greet" (princ "greet.el loaded\n") 'now))
(show (load "greet" nil t))
(show (with-eval-after-load "lib/counter-lib" (princ "counter-lib loaded\n")))
(show (load "counter-lib" nil t))
