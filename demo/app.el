;;; app.el --- an application library for the dumper demo  -*- lexical-binding: t -*-
;; A small rules engine: 400 rules defined through a macro, and tables the
;; library computes when it loads (primes by trial division, a word index).
;; Loading it evaluates all of that; a dump of it starts with everything
;; already in the heap.

(defvar app-rules (make-hash-table :test 'eq)
  "Rule name to (PREDICATE . ACTION).")

(defmacro app-defrule (name args predicate action)
  "Define rule NAME: when PREDICATE holds of ARGS, ACTION gives the answer."
  `(puthash ',name (cons (lambda ,args ,predicate) (lambda ,args ,action)) app-rules))

;; Rules rule-0 .. rule-399: each recognises numbers in its own residue class.
(defmacro app-define-rules (n)
  (let (forms)
    (dotimes (i n)
      (let ((name (intern (format "rule-%d" i))))
        (push `(app-defrule ,name (x) (= (% x ,(+ 2 (% i 97))) ,(% i 3)) (list ',name (* x ,i))) forms)))
    `(progn ,@(nreverse forms))))
(app-define-rules 400)

(defvar app-primes
  (let (ps)
    (dotimes (i 30000)
      (let ((n (+ i 2)) (d 2) (composite nil))
        (while (and (not composite) (<= (* d d) n))
          (when (= 0 (% n d)) (setq composite t))
          (setq d (1+ d)))
        (unless composite (push n ps))))
    (vconcat (nreverse ps)))
  "The primes below 30002, computed at load.")

(defvar app-words
  (let ((index (make-hash-table :test 'equal)))
    (dotimes (i 5000)
      (let ((word (format "w%x" (* i 7919))))
        (puthash word (list i (length word) (aref app-primes (% i (length app-primes)))) index)))
    index)
  "A word index built at load.")

(defun app-answer (x)
  "The rules that fire for X, and X's place among the primes."
  (let (fired)
    (maphash (lambda (_name rule) (when (funcall (car rule) x) (push (funcall (cdr rule) x) fired))) app-rules)
    (list :rules (length fired)
          :prime-count (let ((n 0)) (while (and (< n (length app-primes)) (<= (aref app-primes n) x)) (setq n (1+ n))) n)
          :word (gethash (format "w%x" (* (% x 5000) 7919)) app-words))))

(defun app-main ()
  (princ (format "%S\n" (app-answer 1234))))
