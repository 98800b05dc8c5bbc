;;; -*- lexical-binding: t -*-
;; pcase: or-patterns and their variables, nested patterns, vectors,
;; pred/app with extra arguments, let patterns, pcase-defmacro, closures
;; over pattern variables, and the errors.
(defmacro show (form)
  `(condition-case err
       (princ (format "%S -> %S\n" ',form ,form))
     (error (princ (format "%S signals %S\n" ',form err)))))

(defun classify (x)
  (pcase x
    ('nil 'empty)
    ((pred integerp) (if (> x 0) 'positive 'non-positive))
    ((or 'a 'b 'c) 'abc)
    ((and (pred stringp) (app length (pred (< 3)))) 'long-string)
    ((pred stringp) 'short-string)
    (`(,head . ,_) (list 'list-of head))
    (`[,a ,b] (list 'pair a b))
    ((pred vectorp) 'vector)
    (_ 'other)))
(dolist (x (list nil 5 -1 'a 'c "hello" "hi" '(1 2) [1 2] [1 2 3] 'zz 1.5))
  (show (classify x)))

;; Variables of or-patterns: unbound ones are nil.
(defun or-vars (x)
  (pcase x
    ((or `(a ,p) `(b ,q) `(c ,p ,q)) (list p q))
    (_ 'none)))
(show (or-vars '(a 1)))
(show (or-vars '(b 2)))
(show (or-vars '(c 3 4)))
(show (or-vars '(d 3 4)))

;; Nested backquote patterns and literals inside them.
(defun eval-expr (e)
  (pcase e
    ((pred numberp) e)
    (`(+ ,a ,b) (+ (eval-expr a) (eval-expr b)))
    (`(* ,a ,b) (* (eval-expr a) (eval-expr b)))
    (`(neg ,a) (- (eval-expr a)))
    (`(let (,(and v (pred symbolp)) ,val) ,body)
     (eval-expr (subst-var v (eval-expr val) body)))
    (_ (error "Bad expression: %S" e))))
(defun subst-var (v val body)
  (cond ((eq body v) val)
        ((consp body) (cons (subst-var v val (car body)) (subst-var v val (cdr body))))
        (t body)))
(show (eval-expr '(+ 1 (* 2 3))))
(show (eval-expr '(neg (+ 1 2))))
(show (eval-expr '(let (x 5) (* x x))))
(show (eval-expr '(foo 1)))

;; pred and app with extra arguments see earlier pattern variables.
(show (pcase '(3 5) (`(,lo ,(and hi (pred (< lo)))) (list 'ascending lo hi))))
(show (pcase '(5 3) (`(,lo ,(and hi (pred (< lo)))) (list 'ascending lo hi)) (_ 'not)))
(show (pcase "a,b" ((app (split-string ",") `(,x ,y)) (list y x))))
(show (pcase 10 ((and n (let m (* n 2)) (guard (> m 15))) (list n m))))
(show (pcase 7 ((pred (not integerp)) 'not-int) (_ 'int)))
(show (pcase "s" ((pred (not integerp)) 'not-int) (_ 'int)))

;; Strings, keywords and integers as literals, also inside backquote.
(show (pcase '(:key "v" 3) (`(:key ,(and v "v") 3) (list 'matched v))))
(show (pcase '(:key "w" 3) (`(:key "v" 3) 'matched) (_ 'no)))
(show (pcase "abc" ("abd" 1) ("abc" 2)))
(show (pcase 'sym (`sym 'backquoted-symbol)))
(show (pcase '(1 . 2) (`(1 . 2) 'dotted)))
(show (pcase '(1 2 . 3) (`(,a ,b . ,c) (list a b c))))

;; Each body runs with fresh lexical bindings: closures keep them.
(let ((fns nil))
  (dolist (x '((1 2) (3 4)))
    (pcase x
      (`(,a ,b) (push (lambda () (+ a b)) fns))))
  (show (mapcar #'funcall fns)))

;; The matched expression is evaluated once.
(let ((count 0))
  (show (pcase (progn (setq count (1+ count)) 'z)
          ('a 1) ('b 2) ((pred symbolp) (list 'sym count))))
  (show count))

;; pcase-defmacro
(pcase-defmacro my-pair (a b) `(and (pred consp) (app car ,a) (app cdr ,b)))
(show (pcase '(1 . 2) ((my-pair x y) (list y x))))
(show (pcase 5 ((my-pair x y) (list y x)) (_ 'not-a-pair)))

;; pcase-let family
(show (pcase-let ((`(,a ,b) '(1 2)) (`[,c ,d] [3 4])) (list a b c d)))
(show (let ((a 'outer)) (pcase-let ((`(,a) '(inner)) (b a)) (list a b))))
(show (let ((a 'outer)) (pcase-let* ((`(,a) '(inner)) (b a)) (list a b))))
(show (let (acc) (pcase-dolist (`[,k ,v] (list [a 1] [b 2])) (push (cons k v) acc)) acc))
(show (let (acc) (pcase-dolist (x '(1 2)) (push x acc)) acc))
(show (let ((x 0) y) (pcase-setq `(,x . ,y) '(1 2 3) z 4) (list x y z)))
(show (let (a b) (pcase-setq `(,a ,(or `[,b] b)) '(1 [2])) (list a b)))

;; No match, empty pcase, errors.
(show (pcase 1))
(show (pcase 1 (2 'two)))
(show (pcase-exhaustive 1 (2 'two)))
(show (pcase-exhaustive '(x) (`(,a) a)))
(show (pcase-exhaustive 'y (2 'two)))
