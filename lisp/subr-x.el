;;; subr-x.el --- extra Lisp functions for the minilisp prelude  -*- lexical-binding: t -*-

;; The macros and functions of Emacs 28's subr-x.el that strings.rs does
;; not provide (`string-join', `string-trim' and friends are built in),
;; written as Emacs writes them.

(defmacro internal--thread-argument (first? &rest forms)
  (pcase forms
    (`(,x (,f . ,args) . ,rest)
     `(internal--thread-argument
       ,first? ,(if first? `(,f ,x ,@args) `(,f ,@args ,x)) ,@rest))
    (`(,x ,f . ,rest) `(internal--thread-argument ,first? (,f ,x) ,@rest))
    (_ (car forms))))

(defmacro thread-first (&rest forms)
  (declare (indent 0))
  `(internal--thread-argument t ,@forms))

(defmacro thread-last (&rest forms)
  (declare (indent 0))
  `(internal--thread-argument nil ,@forms))

(defsubst internal--listify (elt)
  (cond
   ((symbolp elt) (list elt elt))
   ((null (cdr elt))
    (list (make-symbol "s") (car elt)))
   (t elt)))

(defsubst internal--check-binding (binding)
  (when (> (length binding) 2)
    (signal
     'error
     (cons "`let' bindings can have only one value-form" binding)))
  binding)

(defsubst internal--build-binding-value-form (binding prev-var)
  (let ((var (car binding)))
    `(,var (and ,prev-var ,(cadr binding)))))

(defun internal--build-binding (binding prev-var)
  (internal--build-binding-value-form
   (internal--check-binding (internal--listify binding))
   prev-var))

(defun internal--build-bindings (bindings)
  (let ((prev-var t))
    (mapcar (lambda (binding)
              (let ((binding (internal--build-binding binding prev-var)))
                (setq prev-var (car binding))
                binding))
            bindings)))

(defmacro if-let* (varlist then &rest else)
  (declare (indent 2))
  (if varlist
      `(let* ,(setq varlist (internal--build-bindings varlist))
         (if ,(caar (last varlist))
             ,then
           ,@else))
    `(let* () ,then)))

(defmacro when-let* (varlist &rest body)
  (declare (indent 1))
  (list 'if-let* varlist (macroexp-progn body)))

(defmacro and-let* (varlist &rest body)
  (declare (indent 1))
  (let (res)
    (if varlist
        `(let* ,(setq varlist (internal--build-bindings varlist))
           (when ,(setq res (caar (last varlist)))
             ,@(or body `(,res))))
      `(let* () ,@(or body '(t))))))

(defmacro if-let (spec then &rest else)
  (declare (indent 2))
  (when (and (<= (length spec) 2)
             (not (listp (car spec))))
    ;; Adjust the single binding case
    (setq spec (list spec)))
  (list 'if-let* spec then (macroexp-progn else)))

(defmacro when-let (spec &rest body)
  (declare (indent 1))
  (list 'if-let spec (macroexp-progn body)))

(defsubst hash-table-empty-p (hash-table)
  (zerop (hash-table-count hash-table)))

(defsubst string-remove-prefix (prefix string)
  (if (string-prefix-p prefix string)
      (substring string (length prefix))
    string))

(defsubst string-remove-suffix (suffix string)
  (if (string-suffix-p suffix string)
      (substring string 0 (- (length string) (length suffix)))
    string))

(defun string-truncate-left (string length)
  (let ((strlen (length string)))
    (if (<= strlen length)
        string
      (setq length (max 0 (- length 3)))
      (concat "..." (substring string (max 0 (- strlen 1 length)))))))

(defun string-pad (string length &optional padding start)
  (unless (natnump length)
    (signal 'wrong-type-argument (list 'natnump length)))
  (let ((pad-length (- length (length string))))
    (if (< pad-length 0)
        string
      (concat (and start
                   (make-string pad-length (or padding ?\s)))
              string
              (and (not start)
                   (make-string pad-length (or padding ?\s)))))))

(defun string-chop-newline (string)
  (string-remove-suffix "\n" string))

(defun string-reverse (str)
  (apply #'string (nreverse (string-to-list str))))

;; `named-let': NAME is a local function (as `cl-labels' makes it) whose
;; calls in tail position become jumps, so a loop written with it runs in
;; constant stack, as Emacs's tail-call optimized expansion does.
(defmacro named-let (name bindings &rest body)
  (declare (indent 2))
  (let* ((fargs (mapcar (lambda (b) (if (consp b) (car b) b)) bindings))
         (aargs (mapcar (lambda (b) (if (consp b) (cadr b))) bindings))
         (fvar (make-symbol (format "--cl-%s--" name)))
         (body (macroexpand-all
                (macroexp-progn body)
                (cons (cons name (lambda (&rest args)
                                   `(funcall ,fvar ,@args)))
                      macroexpand-all-environment)))
         (avars (mapcar (lambda (v) (make-symbol (symbol-name v))) fargs))
         (loop (named-let--tco fvar fargs avars body)))
    (if loop
        `(let ,(named-let--zip avars aargs) ,loop)
      `(letrec ((,fvar (lambda ,fargs ,body)))
         (funcall ,fvar ,@aargs)))))

(defun named-let--zip (vars vals)
  (let ((r nil))
    (while vars
      (setq r (cons (list (car vars) (car vals)) r))
      (setq vars (cdr vars) vals (cdr vals)))
    (nreverse r)))

(defun named-let--occurs (sym form)
  (cond ((eq sym form) t)
        ((consp form) (or (named-let--occurs sym (car form))
                          (named-let--occurs sym (cdr form))))))

(defun named-let--tco (fvar fargs avars body)
  ;; A `while' loop equivalent to calling (lambda FARGS BODY) with the
  ;; values of AVARS, when every call of FVAR in BODY is a tail call with
  ;; plain positional FARGS; else nil.  Each iteration binds FARGS afresh
  ;; (closures made in the body keep their own), and a tail call stores
  ;; the next arguments in AVARS.
  (when (and (not (memq '&optional fargs)) (not (memq '&rest fargs)))
    (let* ((retvar (make-symbol "retval"))
           (donevar (make-symbol "done"))
           (new (named-let--tail fvar avars body retvar donevar)))
      (when (and new (not (eq new 'named-let--fail)))
        `(let ((,retvar nil) (,donevar nil))
           (while (not ,donevar)
             (let ,(named-let--zip fargs avars) ,new))
           ,retvar)))))

(defun named-let--tail (fvar fargs form retvar donevar)
  ;; FORM in tail position: code that either sets the new arguments and
  ;; loops, or sets RETVAR and DONEVAR.  `named-let--fail' if FVAR is used
  ;; other than in tail calls.
  (let ((done (lambda (f)
                (if (named-let--occurs fvar f) 'named-let--fail
                  `(setq ,retvar ,f ,donevar t)))))
    (cond
     ((not (consp form)) (funcall done form))
     ((and (eq (car form) 'funcall) (eq (cadr form) fvar))
      (let ((args (cddr form)))
        (if (or (/= (length args) (length fargs))
                (named-let--occurs fvar args))
            'named-let--fail
          ;; FARGS here are the gensyms, which the arguments cannot see.
          (if (null fargs) nil
            `(setq ,@(apply #'append (named-let--zip fargs args)))))))
     ((eq (car form) 'progn)
      (if (null (cdr form)) (funcall done nil)
        (let ((last (named-let--tail fvar fargs (car (last form)) retvar donevar)))
          (if (or (eq last 'named-let--fail)
                  (named-let--occurs fvar (butlast (cdr form))))
              'named-let--fail
            `(progn ,@(butlast (cdr form)) ,last)))))
     ((eq (car form) 'if)
      (let ((then (named-let--tail fvar fargs (nth 2 form) retvar donevar))
            (else (named-let--tail fvar fargs (macroexp-progn (nthcdr 3 form))
                                   retvar donevar)))
        (if (or (eq then 'named-let--fail) (eq else 'named-let--fail)
                (named-let--occurs fvar (nth 1 form)))
            'named-let--fail
          `(if ,(nth 1 form) ,then ,else))))
     ((eq (car form) 'cond)
      (let ((clauses nil) (fail nil))
        (dolist (c (cdr form))
          (if (null (cdr c))
              ;; (cond (TEST)): the test's value is returned.
              (let ((tmp (make-symbol "c")))
                (if (named-let--occurs fvar (car c)) (setq fail t))
                (push `((let ((,tmp ,(car c))) (if ,tmp (progn (setq ,retvar ,tmp ,donevar t) t))))
                      clauses))
            (let ((b (named-let--tail fvar fargs (macroexp-progn (cdr c))
                                      retvar donevar)))
              (if (or (eq b 'named-let--fail) (named-let--occurs fvar (car c)))
                  (setq fail t))
              (push `(,(car c) ,b) clauses))))
        (if fail 'named-let--fail
          `(cond ,@(nreverse clauses) (t (setq ,retvar nil ,donevar t))))))
     ((memq (car form) '(let let*))
      (let ((b (named-let--tail fvar fargs (macroexp-progn (cddr form))
                                retvar donevar)))
        (if (or (eq b 'named-let--fail) (named-let--occurs fvar (cadr form)))
            'named-let--fail
          `(,(car form) ,(cadr form) ,b))))
     (t (funcall done form)))))

;;; subr-x.el ends here
