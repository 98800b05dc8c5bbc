;;; pcase.el --- ML-style pattern matching for the minilisp prelude  -*- lexical-binding: t -*-

;; `pcase' and friends with the patterns of Emacs 28: `_', SYMBOL,
;; integers, strings, keywords, 'VAL, `QPAT (conses, vectors, atoms, ,PAT),
;; (pred FUN), (pred (not FUN)), (guard EXPR), (and PAT...), (or PAT...),
;; (app FUN PAT), (let PAT EXPR) and patterns defined by `pcase-defmacro'.
;;
;; Unlike Emacs's pcase.el this does not build a decision tree: each
;; clause is compiled on its own, by continuation, into nested `if's and
;; `let's, so that the variables a pattern binds are lexical and are seen
;; by the `pred's, `guard's and body that follow them.  A clause evaluates
;; to the body's value or to a unique failure marker, which sends the
;; match on to the next clause.

(defvar pcase--bound nil
  "Variables the pattern being compiled has bound so far.")
(defvar pcase--dontcare nil
  "Non-nil when compiling for `pcase-let': structure is assumed, not tested.")
(defvar pcase--rename nil
  "For `pcase-setq': an alist (VAR . TEMP) of the variables bound so far.")

(defun pcase--self-quoting-p (upat)
  (or (keywordp upat) (integerp upat) (stringp upat)))

(defun pcase--funcall (fun arg)
  (cond
   ((symbolp fun) (list fun arg))
   ((eq 'not (car-safe fun)) (list 'not (pcase--funcall (car (cdr fun)) arg)))
   ((or (functionp fun) (not (consp fun)))
    (list 'funcall (list 'function fun) arg))
   (t (append fun (list arg)))))

(defun pcase--if (test succ fail)
  (if pcase--dontcare (funcall succ)
    (list 'if test (funcall succ) fail)))

(defun pcase--bind (var v succ)
  (if (consp pcase--rename)
      (let ((tmp (make-symbol (symbol-name var))))
        (setq pcase--rename (cons (cons var tmp) pcase--rename))
        (setq var tmp))
    nil)
  (list 'let (list (list var v)) (funcall succ)))

(defun pcase--c (pat v succ fail)
  "Code that runs SUCC if the value in the variable V matches PAT, else FAIL."
  (cond
   ((eq pat '_) (funcall succ))
   ((eq pat t) (funcall succ))
   ((pcase--self-quoting-p pat)
    (pcase--if (list (if (stringp pat) 'equal 'eql) v pat) succ fail))
   ((null pat) (error "Unknown pattern `%S'" pat))
   ((symbolp pat)
    (let ((known (if (consp pcase--rename)
                     (cdr (assq pat pcase--rename))
                   (car (memq pat pcase--bound)))))
      (if known
          (pcase--if (list 'eq v known) succ fail)
        (setq pcase--bound (cons pat pcase--bound))
        (pcase--bind pat v succ))))
   ((not (consp pat)) (error "Unknown pattern `%S'" pat))
   ((eq (car pat) 'quote)
    (let ((val (car (cdr pat))))
      (pcase--if (list (cond ((symbolp val) 'eq)
                             ((integerp val) 'eql)
                             (t 'equal))
                       v pat)
                 succ fail)))
   ((eq (car pat) '\`) (pcase--q (car (cdr pat)) v succ fail))
   ((eq (car pat) 'pred)
    (pcase--if (pcase--funcall (car (cdr pat)) v) succ fail))
   ((eq (car pat) 'guard)
    (pcase--if (car (cdr pat)) succ fail))
   ((eq (car pat) 'and) (pcase--and (cdr pat) v succ fail))
   ((eq (car pat) 'or) (pcase--or (cdr pat) v succ fail))
   ((eq (car pat) 'app)
    (let ((tmp (make-symbol "x")))
      (list 'let (list (list tmp (pcase--funcall (car (cdr pat)) v)))
            (pcase--c (car (cdr (cdr pat))) tmp succ fail))))
   ((eq (car pat) 'let)
    (let ((tmp (make-symbol "x")))
      (list 'let (list (list tmp (car (cdr (cdr pat)))))
            (pcase--c (car (cdr pat)) tmp succ fail))))
   ((and (symbolp (car pat)) (get (car pat) 'pcase-macroexpander))
    (pcase--c (apply (get (car pat) 'pcase-macroexpander) (cdr pat))
              v succ fail))
   (t (error "Unknown %s pattern: %S" (car pat) pat))))

(defun pcase--and (pats v succ fail)
  (if (null pats) (funcall succ)
    (pcase--c (car pats) v (lambda () (pcase--and (cdr pats) v succ fail))
              fail)))

;; Each alternative, tried in turn, copies the variables it binds into
;; temporaries; the rest of the match sees them (nil for those the matching
;; alternative does not bind).
(defun pcase--or (pats v succ fail)
  (let* ((outer pcase--bound)
         (outer-rename pcase--rename)
         (results nil)
         (vars nil))
    (dolist (p pats)
      (let* ((marker (make-symbol "matched"))
             (pcase--bound outer)
             (pcase--rename outer-rename)
             (pcase--dontcare nil)
             (code (pcase--c p v (lambda () marker) nil))
             (new nil))
        (let ((l pcase--bound))
          (while (not (eq l outer))
            (setq new (cons (car l) new))
            (setq l (cdr l))))
        (dolist (var new) (unless (memq var vars) (setq vars (cons var vars))))
        (setq results (cons (list code marker new pcase--rename) results))))
    (setq vars (nreverse vars))
    (let* ((temps (mapcar (lambda (var) (make-symbol (symbol-name var))) vars))
           (alts
            (mapcar
             (lambda (r)
               (let ((sets nil) (vs vars) (ts temps))
                 (while vs
                   (when (memq (car vs) (nth 2 r))
                     (setq sets
                           (cons (car ts)
                                 (cons (if (consp (nth 3 r))
                                           (cdr (assq (car vs) (nth 3 r)))
                                         (car vs))
                                       sets))))
                   (setq vs (cdr vs) ts (cdr ts)))
                 (pcase--subst (nth 0 r) (nth 1 r)
                               (if sets
                                   (list 'progn (cons 'setq sets) t)
                                 t))))
             (nreverse results))))
      (let ((body succ) (vs (reverse vars)) (ts (reverse temps)))
        (setq pcase--bound (append vars pcase--bound))
        ;; Bind from the innermost out, recording renames in order.
        (let ((binds nil))
          (while vs
            (setq binds (cons (cons (car vs) (car ts)) binds))
            (setq vs (cdr vs) ts (cdr ts)))
          (setq body (pcase--bind-all binds succ)))
        (list 'let temps
              (list 'if (cons 'or alts) body fail))))))

(defun pcase--bind-all (binds succ)
  ;; BINDS is a list of (VAR . TEMP), outermost first.
  (if (null binds) (funcall succ)
    (let ((var (car (car binds))) (tmp (cdr (car binds))))
      (if (consp pcase--rename)
          (let ((new (make-symbol (symbol-name var))))
            (setq pcase--rename (cons (cons var new) pcase--rename))
            (list 'let (list (list new tmp)) (pcase--bind-all (cdr binds) succ)))
        (list 'let (list (list var tmp)) (pcase--bind-all (cdr binds) succ))))))

(defun pcase--subst (code old new)
  (cond
   ((eq code old) new)
   ((consp code)
    (cons (pcase--subst (car code) old new) (pcase--subst (cdr code) old new)))
   (t code)))

(defun pcase--q (qpat v succ fail)
  (cond
   ((eq (car-safe qpat) '\,) (pcase--c (car (cdr qpat)) v succ fail))
   ((consp qpat)
    (let ((a (make-symbol "x")) (d (make-symbol "x")))
      (pcase--if (list 'consp v)
                 (lambda ()
                 (list 'let (list (list a (list (if pcase--dontcare 'car-safe 'car) v))
                                  (list d (list (if pcase--dontcare 'cdr-safe 'cdr) v)))
                       (pcase--q (car qpat) a
                                 (lambda () (pcase--q (cdr qpat) d succ fail))
                                 fail)))
                 fail)))
   ((vectorp qpat)
    (let* ((n (length qpat))
           (syms (let ((l nil) (i 0))
                   (while (< i n) (setq l (cons (make-symbol "x") l) i (1+ i)))
                   (nreverse l)))
           (body (pcase--q-vector qpat syms 0 succ fail)))
      (pcase--if (list 'and (list 'vectorp v) (list 'eq (list 'length v) n))
                 (lambda ()
                   (if syms
                       (list 'let (let ((l nil) (i 0))
                                    (while (< i n)
                                      (setq l (cons (list (nth i syms) (list 'aref v i)) l)
                                            i (1+ i)))
                                    (nreverse l))
                             (funcall body))
                     (funcall body)))
                 fail)))
   ((null qpat) (pcase--if (list 'null v) succ fail))
   ((or (symbolp qpat) (integerp qpat))
    (pcase--if (list (if (symbolp qpat) 'eq 'eql) v (list 'quote qpat)) succ fail))
   (t (pcase--if (list 'equal v (list 'quote qpat)) succ fail))))

(defun pcase--q-vector (qpat syms i succ fail)
  ;; A continuation matching elements I... of the vector pattern QPAT.
  (if (>= i (length qpat)) succ
    (lambda ()
      (pcase--q (aref qpat i) (nth i syms)
                (pcase--q-vector qpat syms (1+ i) succ fail)
                fail))))

(defun pcase--clauses (v clauses fail-value)
  (if (null clauses)
      fail-value
    (let* ((clause (car clauses))
           (fail (make-symbol "pcase-fail"))
           (pcase--bound nil)
           (pcase--rename nil)
           (pcase--dontcare nil)
           (code (pcase--c (car clause) v
                           (lambda () (macroexp-progn (or (cdr clause) '(nil))))
                           (list 'quote fail))))
      (if (null (cdr clauses))
          (if (equal fail-value '(quote nil))
              ;; The last clause: its failure is the whole match's.
              (pcase--subst-fail code fail nil)
            (let ((r (make-symbol "r")))
              (list 'let (list (list r code))
                    (list 'if (list 'eq r (list 'quote fail)) fail-value r))))
        (let ((r (make-symbol "r")))
          (list 'let (list (list r code))
                (list 'if (list 'eq r (list 'quote fail))
                      (pcase--clauses v (cdr clauses) fail-value)
                      r)))))))

(defun pcase--subst-fail (code fail new)
  (cond
   ((and (eq (car-safe code) 'quote) (eq (car-safe (cdr code)) fail)) new)
   ((consp code)
    (cons (pcase--subst-fail (car code) fail new)
          (pcase--subst-fail (cdr code) fail new)))
   (t code)))

(defun pcase--expand (exp clauses fail-value)
  (if (macroexp-copyable-p exp)
      (pcase--clauses exp clauses fail-value)
    (let ((v (make-symbol "val")))
      (list 'let (list (list v exp))
            (pcase--clauses v clauses fail-value)))))

(defmacro pcase (exp &rest cases)
  (declare (indent 1))
  (pcase--expand exp cases '(quote nil)))

(defmacro pcase-exhaustive (exp &rest cases)
  (declare (indent 1))
  (let ((v (make-symbol "x")))
    (list 'let (list (list v exp))
          (pcase--expand v cases
                         (list 'error "No clause matching `%S'" v)))))

(defmacro pcase-defmacro (name args &rest body)
  (declare (indent 2) (doc-string 3))
  (let ((fsym (intern (format "%s--pcase-macroexpander" name))))
    (when (stringp (car body)) (setq body (cdr body)))
    `(progn
       (defun ,fsym ,args ,@body)
       (put ',name 'pcase-macroexpander #',fsym))))

(defun pcase--let-1 (pat v body)
  (let ((pcase--bound nil) (pcase--rename nil) (pcase--dontcare t))
    (pcase--c pat v (lambda () body) nil)))

(defmacro pcase-let* (bindings &rest body)
  (declare (indent 1))
  (if (null bindings)
      (macroexp-progn (or body '(nil)))
    (let* ((b (car bindings))
           (pat (car b))
           (rest `(pcase-let* ,(cdr bindings) ,@body)))
      (if (and (symbolp pat) (not (eq pat '_)))
          `(let ((,pat ,(car (cdr b)))) ,rest)
        (let ((v (make-symbol "x")))
          `(let ((,v ,(car (cdr b))))
             ,(pcase--let-1 pat v rest)))))))

(defmacro pcase-let (bindings &rest body)
  (declare (indent 1))
  (if (null (cdr bindings))
      `(pcase-let* ,bindings ,@body)
    ;; Evaluate every EXP first, as `let' does.
    (let ((temps (mapcar (lambda (_) (make-symbol "x")) bindings)))
      `(let ,(let ((l nil) (bs bindings) (ts temps))
               (while bs
                 (setq l (cons (list (car ts) (car (cdr (car bs)))) l))
                 (setq bs (cdr bs) ts (cdr ts)))
               (nreverse l))
         (pcase-let* ,(let ((l nil) (bs bindings) (ts temps))
                        (while bs
                          (setq l (cons (list (car (car bs)) (car ts)) l))
                          (setq bs (cdr bs) ts (cdr ts)))
                        (nreverse l))
           ,@body)))))

(defmacro pcase-dolist (spec &rest body)
  (declare (indent 1))
  (if (symbolp (car spec))
      `(dolist ,spec ,@body)
    (let ((tmpvar (make-symbol "x")))
      `(dolist (,tmpvar ,@(cdr spec))
         (pcase-let* ((,(car spec) ,tmpvar))
           ,@body)))))

(defmacro pcase-setq (pat val &rest args)
  (if args
      (progn
        (if (cdr (last args)) nil)
        (if (= (logand (length args) 1) 1)
            (signal 'wrong-number-of-arguments
                    (list 'pcase-setq (+ 2 (length args)))))
        `(progn (pcase-setq ,pat ,val) (pcase-setq ,@args)))
    (if (symbolp pat)
        `(setq ,pat ,val)
      (let* ((v (make-symbol "x"))
             (pcase--bound nil)
             (pcase--dontcare t)
             (pcase--rename (list (cons nil nil)))
             (code (pcase--c pat v (lambda () 'pcase--setq-placeholder) nil))
             (pairs (reverse (butlast pcase--rename))))
        `(let ((,v ,val))
           ,(pcase--subst
             code 'pcase--setq-placeholder
             (cons 'setq (apply #'append
                                (mapcar (lambda (p) (list (car p) (cdr p)))
                                        pairs)))))))))

(defmacro pcase-lambda (lambda-list &rest body)
  (declare (doc-string 2) (indent defun))
  (let* ((bindings ())
         (decls nil)
         (args (mapcar (lambda (pat)
                         (if (symbolp pat)
                             pat
                           (let ((arg (make-symbol
                                       (format "arg%s" (length bindings)))))
                             (push `(,pat ,arg) bindings)
                             arg)))
                       lambda-list)))
    ;; The docstring, `declare' and `interactive' stay in front.
    (while (and (cdr body)
                (or (stringp (car body))
                    (memq (car-safe (car body)) '(declare interactive))))
      (push (pop body) decls))
    `(lambda ,args ,@(nreverse decls)
       (pcase-let* ,(nreverse bindings) ,@body))))

;;; pcase.el ends here
