;;; -*- lexical-binding: t -*-
;; setf on the standard places, and the values setf returns.
(defmacro show (form)
  `(condition-case err
       (princ (format "%S -> %S\n" ',form ,form))
     (error (princ (format "%S signals %S\n" ',form err)))))

(let ((x (list 1 2 3 4)))
  (show (setf (car x) 'a))
  (show (setf (cdr (cddr x)) '(d)))
  (show x)
  (show (setf (cadr x) 'b))
  (show (setf (nth 2 x) 'c))
  (show x)
  (show (setf (nthcdr 2 x) '(z)))
  (show x)
  (show (setf (nthcdr 0 x) '(q r)))
  (show x)
  (show (setf (elt x 1) 'e))
  (show x))

(let ((y (list (list 1 2) 3 4)))
  (setf (caar y) 'aa)
  (setf (cdar y) '(dd))
  (setf (cddr y) '(ee))
  (show y))

(let ((v (vector 1 2 3)) (s (copy-sequence "abc")))
  (show (setf (aref v 0) 'x))
  (show (setf (elt v 2) 'z))
  (show v)
  (show (setf (aref s 1) ?X))
  (show s)
  (show (setf (aref v 5) 1)))

(let ((h (make-hash-table :test 'equal)))
  (show (setf (gethash "k" h) 1))
  (show (setf (gethash "k" h 'default) 2))
  (show (gethash "k" h)))

(defvar my-var 1)
(show (setf (symbol-value 'my-var) 42))
(show my-var)
(show (setf (get 'my-sym 'prop) 'val))
(show (get 'my-sym 'prop))
(show (setf (symbol-plist 'my-sym2) '(a 1)))
(show (symbol-plist 'my-sym2))
(show (progn (setf (symbol-function 'my-fn) (lambda (x) (* x 2))) (my-fn 21)))

;; plain variables, several pairs, no pairs
(let ((a 1) (b 2))
  (show (setf a 10 b (+ a 5)))
  (show (list a b))
  (show (setf)))

;; plist-get
(let ((pl (list :a 1 :b 2)))
  (show (setf (plist-get pl :b) 20))
  (show (setf (plist-get pl :c) 30))
  (show pl))

;; alist-get: plain, DEFAULT, REMOVE, TESTFN
(let ((al (list (cons 'a 1) (cons 'b 2))))
  (show (setf (alist-get 'a al) 10))
  (show (setf (alist-get 'c al) 3))
  (show al)
  (show (setf (alist-get 'b al nil 'remove) nil))
  (show al)
  (show (cl-incf (alist-get 'n al 0)))
  (show (cl-incf (alist-get 'n al 0)))
  (show al)
  (show (setf (alist-get 'n al 0 t) 0))
  (show al))
(let ((al (list (cons "x" 1))))
  (show (setf (alist-get "x" al nil nil #'equal) 2))
  (show (setf (alist-get "y" al nil nil #'string=) 5))
  (show al)
  (show (setf (alist-get "x" al) 9))
  (show al))

;; substring
(let ((s "hello world"))
  (show (setf (substring s 0 5) "HOWDY"))
  (show s)
  (show (setf (substring s -5) "there"))
  (show s))

;; errors
(show (setf (car 1) 2))
(show (let ((l '(1))) (setf (nth 5 l) 2)))
(show (macroexpand '(setf (my-unknown-place x) 1)))
(show (setf (my-unknown-place 1) 2))
(show (eval '(setf a)))
(show (eval '(setf 1 2)))
