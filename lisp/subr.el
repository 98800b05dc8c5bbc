;;; subr.el --- the minilisp prelude  -*- lexical-binding: t -*-

;; What Emacs defines in Lisp (byte-run.el, subr.el, backquote.el,
;; subr-x.el, seq.el, benchmark.el), written the way Emacs writes it so
;; that macro expansions (and so printed closures) look the same.

;;;; Bootstrap: defmacro, defun, lambda.

;; The `declare' forms of `defun' and `defmacro' (byte-run.el's
;; `defun-declarations-alist' and `macro-declarations-alist'): each becomes
;; a form run after the definition; unknown ones are ignored.
(defalias 'byte-run--declarations
  #'(lambda (name arglist decls macrop)
      (let ((forms nil) (qname (list 'quote name)))
        (while decls
          (let* ((d (car decls)) (prop (car-safe d)) (val (car-safe (cdr-safe d)))
                 (form
                  (cond
                   ((eq prop 'indent)
                    (list 'function-put qname ''lisp-indent-function
                          (list 'quote val)))
                   ((eq prop 'doc-string)
                    (list 'function-put qname ''doc-string-elt
                          (list 'quote val)))
                   ((and (eq prop 'pure) (not macrop))
                    (list 'function-put qname ''pure val))
                   ((and (eq prop 'side-effect-free) (not macrop))
                    (list 'function-put qname ''side-effect-free
                          (list 'quote val)))
                   ((and (eq prop 'interactive-only) (not macrop))
                    (list 'function-put qname ''interactive-only
                          (list 'quote val)))
                   ((and (eq prop 'obsolete) (not macrop))
                    (list 'make-obsolete qname (list 'quote val)
                          (car-safe (cdr-safe (cdr-safe d)))))
                   ((and (eq prop 'compiler-macro) (not macrop))
                    (if (not (eq (car-safe val) 'lambda))
                        (list 'function-put qname ''compiler-macro
                              (list 'function val))
                      (let ((cfname (intern (concat (symbol-name name)
                                                    "--anon-cmacro"))))
                        (list 'progn
                              (list 'function-put qname ''compiler-macro
                                    (list 'function cfname))
                              (cons 'defun
                                    (cons cfname
                                          (cons (append (car (cdr val)) arglist)
                                                (cdr (cdr val)))))))))
                   ((eq prop 'debug)
                    (if macrop
                        (list 'put qname ''edebug-form-spec
                              (list 'quote val))))
                   ((or (eq prop 'gv-expander)
                        (and (eq prop 'gv-setter) (not macrop)))
                    (gv--defun-declaration prop name arglist val
                                           (car-safe (cdr-safe (cdr-safe d))))))))
            (if form (setq forms (cons form forms))))
          (setq decls (cdr decls)))
        (nreverse forms))))

(defalias 'byte-run--parse-body
  #'(lambda (docstring body)
      "Split what follows a definition's arglist, DOCSTRING (its first
form) and BODY (the rest), into (DECLS . BODY): the contents of a
`declare' form, and the body with the docstring put back, `(nil)' if
empty. Shared by `defmacro' and `defun', so defined before either."
      (let ((decls
             (cond
              ((eq (car-safe docstring) 'declare)
               (prog1 (cdr docstring) (setq docstring nil)))
              ((and (stringp docstring) (eq (car-safe (car body)) 'declare))
               (prog1 (cdr (car body)) (setq body (cdr body)))))))
        (if docstring (setq body (cons docstring body))
          (if (null body) (setq body '(nil))))
        (cons decls body))))

(defalias 'defmacro
  (cons 'macro
        #'(lambda (name arglist &optional docstring &rest body)
            (let* ((parsed (byte-run--parse-body docstring body))
                   (def (list 'defalias (list 'quote name)
                              (list 'cons ''macro
                                    (list 'function
                                          (cons 'lambda (cons arglist (cdr parsed)))))))
                   (declarations
                    (if (car parsed) (byte-run--declarations name arglist (car parsed) t))))
              (if declarations
                  (cons 'prog1 (cons def declarations))
                def)))))

(defmacro defun (name arglist &optional docstring &rest body)
  (or name (error "Cannot define '%s' as a function" name))
  (if (null (and (listp arglist) (null (delq t (mapcar #'symbolp arglist)))))
      (error "Malformed arglist: %s" arglist))
  (let* ((parsed (byte-run--parse-body docstring body))
         (def (list 'defalias (list 'quote name)
                    (list 'function (cons 'lambda (cons arglist (cdr parsed))))))
         (declarations
          (if (car parsed) (byte-run--declarations name arglist (car parsed) nil))))
    (if declarations
        (cons 'prog1 (cons def declarations))
      def)))

(defmacro lambda (&rest cdr)
  (list 'function (cons 'lambda cdr)))

(defmacro declare (&rest _specs) nil)

(defmacro push (newelt place)
  (list 'setq place (list 'cons newelt place)))

(defvar lexical-binding t)
(defvar macroexpand-all-environment nil)
(defvar load-true-file-name nil)
(defvar kill-emacs-hook nil)
(defvar gc-elapsed 0.0)
(defconst emacs-version "28.2")
(defconst emacs-major-version 28)
(defconst emacs-minor-version 2)

;;;; Backquote (backquote.el).

(defun backquote-list*-function (first &rest list)
  (if list
      (let* ((rest list) (newlist (cons first nil)) (last newlist))
        (while (cdr rest)
          (setcdr last (cons (car rest) nil))
          (setq last (cdr last)
                rest (cdr rest)))
        (setcdr last (car rest))
        newlist)
    first))

(defmacro backquote-list*-macro (first &rest list)
  (setq list (nreverse (cons first list))
        first (car list)
        list (cdr list))
  (if list
      (let* ((second (car list))
             (rest (cdr list))
             (newlist (list 'cons second first)))
        (while rest
          (setq newlist (list 'cons (car rest) newlist)
                rest (cdr rest)))
        newlist)
    first))

(defalias 'backquote-list* (symbol-function 'backquote-list*-macro))

(defconst backquote-backquote-symbol '\`)
(defconst backquote-unquote-symbol '\,)
(defconst backquote-splice-symbol '\,@)

(defmacro backquote (structure)
  (cdr (backquote-process structure)))

(defalias '\` (symbol-function 'backquote))

(defun backquote-delay-process (s level)
  (let ((exp (backquote-listify (list (cons 0 (list 'quote (car s))))
                                (backquote-process (cdr s) level))))
    (cons (if (eq (car-safe exp) 'quote) 0 1) exp)))

(defun backquote-process (s &optional level)
  (unless level (setq level 0))
  (cond
   ((vectorp s)
    (let ((n (backquote-process (append s ()) level)))
      (if (= (car n) 0)
          (cons 0 s)
        (cons 1 (cond
                 ((not (listp (cdr n)))
                  (list 'vconcat (cdr n)))
                 ((eq (nth 1 n) 'list)
                  (cons 'vector (nthcdr 2 n)))
                 ((eq (nth 1 n) 'append)
                  (cons 'vconcat (nthcdr 2 n)))
                 (t
                  (list 'apply '(function vector) (cdr n))))))))
   ((atom s)
    (cons 0 (if (or (null s) (eq s t) (not (symbolp s)))
                s
              (list 'quote s))))
   ((eq (car s) backquote-unquote-symbol)
    (if (<= level 0)
        (cond
         ((> (length s) 2)
          (error "Multiple args to , are not supported: %S" s))
         (t (cons (if (eq (car-safe (nth 1 s)) 'quote) 0 1)
                  (nth 1 s))))
      (backquote-delay-process s (1- level))))
   ((eq (car s) backquote-splice-symbol)
    (if (<= level 0)
        (if (> (length s) 2)
            (error "Multiple args to ,@ are not supported: %S" s)
          (cons 2 (nth 1 s)))
      (backquote-delay-process s (1- level))))
   ((eq (car s) backquote-backquote-symbol)
    (backquote-delay-process s (1+ level)))
   (t
    (let ((rest s)
          item firstlist list lists expression)
      (while (and (consp rest)
                  (not (or (eq (car rest) backquote-unquote-symbol)
                           (eq (car rest) backquote-backquote-symbol))))
        (setq item (backquote-process (car rest) level))
        (cond
         ((= (car item) 2)
          (if (null lists)
              (setq firstlist list
                    list nil))
          (if list
              (push (backquote-listify list '(0 . nil)) lists))
          (push (cdr item) lists)
          (setq list nil))
         (t
          (setq list (cons item list))))
        (setq rest (cdr rest)))
      (if (or rest list)
          (push (backquote-listify list (backquote-process rest level))
                lists))
      (setq expression
            (if (or (cdr lists)
                    (eq (car-safe (car lists)) backquote-splice-symbol))
                (cons 'append (nreverse lists))
              (car lists)))
      (if firstlist
          (setq expression (backquote-listify firstlist (cons 1 expression))))
      (cons (if (eq (car-safe expression) 'quote) 0 1) expression)))))

(defun backquote-listify (list old-tail)
  (let ((heads nil) (tail (cdr old-tail)) (list-tail list) (item nil))
    (if (= (car old-tail) 0)
        (setq tail (eval tail)
              old-tail nil))
    (while (consp list-tail)
      (setq item (car list-tail))
      (setq list-tail (cdr list-tail))
      (if (or heads old-tail (/= (car item) 0))
          (setq heads (cons (cdr item) heads))
        (setq tail (cons (eval (cdr item)) tail))))
    (cond
     (tail
      (if (null old-tail)
          (setq tail (list 'quote tail)))
      (if heads
          (let ((use-list* (or (cdr heads)
                               (and (consp (car heads))
                                    (eq (car (car heads))
                                        backquote-splice-symbol)))))
            (cons (if use-list* 'backquote-list* 'cons)
                  (append heads (list tail))))
        tail))
     (t (cons 'list heads)))))

(provide 'backquote)

;;;; Control structures (subr.el).

(defmacro when (cond &rest body)
  (list 'if cond (cons 'progn body)))

(defmacro unless (cond &rest body)
  (cons 'if (cons cond (cons nil body))))

(defmacro dolist (spec &rest body)
  (unless (consp spec)
    (signal 'wrong-type-argument (list 'consp spec)))
  (unless (<= 2 (length spec) 3)
    (signal 'wrong-number-of-arguments (list '(2 . 3) (length spec))))
  (let ((temp '--dolist-tail--))
    `(let ((,temp ,(nth 1 spec)))
       (while ,temp
         (let ((,(car spec) (car ,temp)))
           ,@body
           (setq ,temp (cdr ,temp))))
       ,@(cdr (cdr spec)))))

(defmacro dotimes (spec &rest body)
  (let ((temp '--dotimes-limit--)
        (start 0)
        (end (nth 1 spec))
        (counter '--dotimes-counter--))
    `(let ((,temp ,end)
           (,counter ,start))
       (while (< ,counter ,temp)
         (let ((,(car spec) ,counter))
           ,@body)
         (setq ,counter (1+ ,counter)))
       ,@(if (cddr spec)
             `((let ((,(car spec) ,counter)) ,@(cddr spec)))))))

;; `pop' for a variable; gv.el redefines `push' and `pop' for every place.
(defmacro pop (place)
  (list 'car-safe
        (list 'prog1 place (list 'setq place (list 'cdr place)))))

(defun macroexp--const-symbol-p (symbol)
  (or (memq symbol '(nil t)) (keywordp symbol)))

(defun macroexp-const-p (exp)
  (cond ((consp exp) (or (memq (car exp) '(quote function))))
        ((symbolp exp) (macroexp--const-symbol-p exp))
        (t t)))

(defun macroexp-copyable-p (exp)
  (or (symbolp exp) (macroexp-const-p exp)))

(defun macroexp-progn (exps)
  (if (cdr exps) `(progn ,@exps) (car exps)))

(defun macroexp-unprogn (exp)
  (if (eq (car-safe exp) 'progn) (or (cdr exp) '(nil)) (list exp)))

(defun macroexp-let* (bindings exp)
  (cond
   ((null bindings) exp)
   ((eq 'let* (car-safe exp)) `(let* (,@bindings ,@(cadr exp)) ,@(cddr exp)))
   (t `(let* ,bindings ,exp))))

(defmacro prog2 (form1 form2 &rest body)
  `(progn ,form1 (prog1 ,form2 ,@body)))

(defmacro ignore-errors (&rest body)
  `(condition-case nil (progn ,@body) (error nil)))

(defmacro ignore-error (condition &rest body)
  `(condition-case nil (progn ,@body) (,condition nil)))

(defmacro condition-case-unless-debug (var bodyform &rest handlers)
  `(condition-case ,var
       ,bodyform
     ,@(mapcar (lambda (handler)
                 `((debug ,@(if (listp (car handler)) (car handler)
                              (list (car handler))))
                   ,@(cdr handler)))
               handlers)))

(defmacro with-demoted-errors (format &rest body)
  (let ((err (make-symbol "err")))
    `(condition-case-unless-debug ,err
         ,(macroexp-progn body)
       (error (message ,format ,err) nil))))

(defmacro eval-when-compile (&rest body)
  (list 'quote (eval (cons 'progn body) lexical-binding)))

(defmacro eval-and-compile (&rest body)
  (list 'quote (eval (cons 'progn body) lexical-binding)))

(defmacro with-no-warnings (&rest body)
  (cons 'progn body))

(defmacro with-suppressed-warnings (_warnings &rest body)
  (cons 'progn body))

(defmacro declare-function (_fn _file &rest _args) nil)

(defmacro defsubst (name arglist &rest body)
  `(prog1
       (defun ,name ,arglist ,@body)
     (eval-and-compile
       (put ',name 'byte-optimizer 'byte-compile-inline-expand))))

(defmacro defcustom (symbol standard &optional doc &rest _args)
  `(defvar ,symbol ,standard ,doc))

(defmacro defgroup (symbol &rest _args) (list (quote quote) symbol))

(defmacro defface (face _spec &optional _doc &rest _args)
  `(quote ,face))

(defmacro setq-default (&rest args)
  (let ((exps nil))
    (while args
      (push `(set-default ',(pop args) ,(pop args)) exps))
    `(progn . ,(nreverse exps))))

(defmacro setq-local (&rest pairs)
  (let ((expr nil))
    (while pairs
      (setq expr (cons (list 'set (list 'make-local-variable
                                        (list 'quote (car pairs)))
                             (car (cdr pairs)))
                       expr))
      (setq pairs (cdr (cdr pairs))))
    (macroexp-progn (nreverse expr))))

(defmacro defvar-local (var val &optional docstring)
  (list 'progn (list 'defvar var val docstring)
        (list 'make-variable-buffer-local (list 'quote var))))

(defun make-variable-buffer-local (variable) variable)
(defun make-local-variable (variable) variable)

(defmacro dlet (binders &rest body)
  `(let (_)
     ,@(mapcar (lambda (binder)
                 `(defvar ,(if (consp binder) (car binder) binder)))
               binders)
     (let ,binders ,@body)))

(defmacro letrec (binders &rest body)
  (let ((seqbinds nil) (nbody nil))
    (dolist (binder binders)
      (push (if (consp binder) (car binder) binder) seqbinds))
    (dolist (binder binders)
      (when (consp binder)
        (push `(setq ,(car binder) ,(cadr binder)) nbody)))
    `(let ,(nreverse seqbinds) ,@(nreverse nbody) . ,body)))

(defun ignore (&rest _arguments)
  (interactive)
  nil)

(defun always (&rest _arguments)
  t)

(defun function-put (func prop value)
  (put func prop value))

(defun xor (cond1 cond2)
  (cond ((not cond1) cond2)
        ((not cond2) cond1)))

;;;; List functions (subr.el).

(defun caar (x) (car (car x)))
(defun cadr (x) (car (cdr x)))
(defun cdar (x) (cdr (car x)))
(defun cddr (x) (cdr (cdr x)))
(defun caaar (x) (car (car (car x))))
(defun caadr (x) (car (car (cdr x))))
(defun cadar (x) (car (cdr (car x))))
(defun caddr (x) (car (cdr (cdr x))))
(defun cdaar (x) (cdr (car (car x))))
(defun cdadr (x) (cdr (car (cdr x))))
(defun cddar (x) (cdr (cdr (car x))))
(defun cdddr (x) (cdr (cdr (cdr x))))
(defun caaaar (x) (car (car (car (car x)))))
(defun caaadr (x) (car (car (car (cdr x)))))
(defun caadar (x) (car (car (cdr (car x)))))
(defun caaddr (x) (car (car (cdr (cdr x)))))
(defun cadaar (x) (car (cdr (car (car x)))))
(defun cadadr (x) (car (cdr (car (cdr x)))))
(defun caddar (x) (car (cdr (cdr (car x)))))
(defun cadddr (x) (car (cdr (cdr (cdr x)))))
(defun cdaaar (x) (cdr (car (car (car x)))))
(defun cdaadr (x) (cdr (car (car (cdr x)))))
(defun cdadar (x) (cdr (car (cdr (car x)))))
(defun cdaddr (x) (cdr (car (cdr (cdr x)))))
(defun cddaar (x) (cdr (cdr (car (car x)))))
(defun cddadr (x) (cdr (cdr (car (cdr x)))))
(defun cdddar (x) (cdr (cdr (cdr (car x)))))
(defun cddddr (x) (cdr (cdr (cdr (cdr x)))))

(defun internal--compiler-macro-cXXr (form x)
  ;; Expands (cadr X) to (car (cdr X)); `macroexpand-all' does this in Rust.
  (let* ((head (car form))
         (n (symbol-name head))
         (i (- (length n) 2))
         (b i))
    (while (and (>= b 0) (memq (aref n b) '(?a ?d))) (setq b (1- b)))
    (if (not (and (< b i) (>= b 0) (eq (aref n b) ?c)
                  (eq (aref n (1+ i)) ?r)))
        (if (and (fboundp head) (symbolp (symbol-function head)))
            (internal--compiler-macro-cXXr
             (cons (symbol-function head) (cdr form)) x)
          (error "Compiler macro for cXXr applied to non-cXXr form"))
      (while (> i b)
        (setq x (list (if (eq (aref n i) ?a) 'car 'cdr) x))
        (setq i (1- i)))
      x)))

(dolist (f '(caar cadr cdar cddr caaar caadr cadar caddr cdaar cdadr cddar
             cdddr caaaar caaadr caadar caaddr cadaar cadadr caddar cadddr
             cdaaar cdaadr cdadar cdaddr cddaar cddadr cdddar cddddr))
  (put f 'compiler-macro 'internal--compiler-macro-cXXr))

(put 'zerop 'compiler-macro #'(lambda (_form number) `(= 0 ,number)))

(dolist (f '(funcall apply mapcar mapatoms mapconcat mapc cl-mapcar maphash
             map-char-table map-keymap map-keymap-internal))
  (put f 'funarg-positions '(1)))
(dolist (f '(add-hook remove-hook advice-remove advice--remove-function
             defalias fset global-set-key run-after-idle-timeout
             set-process-filter set-process-sentinel sort))
  (put f 'funarg-positions '(2)))
(dolist (f '(advice-add define-key run-at-time run-with-idle-timer
             run-with-timer))
  (put f 'funarg-positions '(3)))

(defun delete-dups (list)
  (let ((tail list))
    (while tail
      (setcdr tail (delete (car tail) (cdr tail)))
      (setq tail (cdr tail))))
  list)

(defun flatten-tree (tree)
  (let (elems)
    (while (consp tree)
      (let ((elem (pop tree)))
        (while (consp elem)
          (push (cdr elem) tree)
          (setq elem (car elem)))
        (if elem (push elem elems))))
    (if tree (push tree elems))
    (nreverse elems)))

(defun add-to-list (list-var element &optional append compare-fn)
  (if (cond
       ((null compare-fn)
        (member element (symbol-value list-var)))
       ((eq compare-fn #'eq)
        (memq element (symbol-value list-var)))
       ((eq compare-fn #'eql)
        (memql element (symbol-value list-var)))
       (t
        (let ((lst (symbol-value list-var)))
          (while (and lst
                      (not (funcall compare-fn element (car lst))))
            (setq lst (cdr lst)))
          lst)))
      (symbol-value list-var)
    (set list-var
         (if append
             (append (symbol-value list-var) (list element))
           (cons element (symbol-value list-var))))))

(put 'add-to-list 'compiler-macro
     #'(lambda (exp list-var element &optional append compare-fn)
         (if (or (not (eq 'quote (car-safe list-var)))
                 (special-variable-p (cadr list-var))
                 (not (macroexp-const-p append))
                 compare-fn)
             exp
           (let* ((sym (cadr list-var))
                  (append (eval append))
                  (x (if (macroexp-copyable-p element) element
                       (make-symbol "x")))
                  (code `(if (member ,x ,sym)
                             ,sym
                           ,(if append
                                `(setq ,sym (append ,sym (list ,x)))
                              `(push ,x ,sym)))))
             (if (eq x element) code
               `(let* ((,x ,element)) ,code))))))

(defun define-error (name message &optional parent)
  (unless parent (setq parent 'error))
  (let ((conditions
         (if (consp parent)
             (apply #'append
                    (mapcar (lambda (parent)
                              (cons parent
                                    (or (get parent 'error-conditions)
                                        (error "Unknown signal `%s'" parent))))
                            parent))
           (cons parent (get parent 'error-conditions)))))
    (put name 'error-conditions
         (delete-dups (copy-sequence (cons name conditions))))
    (when message (put name 'error-message message))))

(defun add-hook (hook function &optional append _local)
  (or (boundp hook) (set hook nil))
  (let ((value (symbol-value hook)))
    (if (or (not (listp value)) (functionp value))
        (setq value (list value)))
    (unless (member function value)
      (setq value (if append (append value (list function))
                    (cons function value))))
    (set hook value)))

(defun remove-hook (hook function &optional _local)
  (when (boundp hook)
    (let ((value (symbol-value hook)))
      (if (or (not (listp value)) (functionp value))
          (setq value (list value)))
      (set hook (delete function (copy-sequence value))))))

;;;; More list functions (subr.el).

(defun apply-partially (fun &rest args)
  (lambda (&rest args2)
    (apply fun (append args args2))))

(defun assoc-default (key alist &optional test default)
  (let (found (tail alist) value)
    (while (and tail (not found))
      (let ((elt (car tail)))
        (when (funcall (or test #'equal) (if (consp elt) (car elt) elt) key)
          (setq found t value (if (consp elt) (cdr elt) default))))
      (setq tail (cdr tail)))
    value))

(defun assoc-delete-all (key alist &optional test)
  (unless test (setq test #'equal))
  (while (and (consp (car alist))
              (funcall test (caar alist) key))
    (setq alist (cdr alist)))
  (let ((tail alist) tail-cdr)
    (while (setq tail-cdr (cdr tail))
      (if (and (consp (car tail-cdr))
               (funcall test (caar tail-cdr) key))
          (setcdr tail (cdr tail-cdr))
        (setq tail tail-cdr))))
  alist)

(defun assq-delete-all (key alist)
  (assoc-delete-all key alist #'eq))

(defun rassq-delete-all (value alist)
  (while (and (consp (car alist))
              (eq (cdr (car alist)) value))
    (setq alist (cdr alist)))
  (let ((tail alist) tail-cdr)
    (while (setq tail-cdr (cdr tail))
      (if (and (consp (car tail-cdr))
               (eq (cdr (car tail-cdr)) value))
          (setcdr tail (cdr tail-cdr))
        (setq tail tail-cdr))))
  alist)

;;;; Definitions: obsolescence, autoloads, after-load hooks.

(defun make-obsolete (obsolete-name current-name when)
  (put obsolete-name 'byte-obsolete-info (list current-name nil when))
  obsolete-name)

(defmacro define-obsolete-function-alias (obsolete-name current-name when
                                                        &optional docstring)
  `(progn
     (defalias ,obsolete-name ,current-name ,docstring)
     (make-obsolete ,obsolete-name ,current-name ,when)))

(defun make-obsolete-variable (obsolete-name current-name when
                                             &optional access-type)
  (put obsolete-name 'byte-obsolete-variable
       (list current-name access-type when))
  obsolete-name)

;; minilisp has no variable aliases: the obsolete variable gets the current
;; one's value (a copy, not an alias).
(defmacro define-obsolete-variable-alias (obsolete-name current-name when
                                                        &optional _docstring)
  `(progn
     (if (and (boundp ,current-name) (not (boundp ,obsolete-name)))
         (set-default ,obsolete-name (symbol-value ,current-name)))
     (make-obsolete-variable ,obsolete-name ,current-name ,when)))

(defun autoloadp (object)
  (eq 'autoload (car-safe object)))

(defun autoload (function file &optional docstring interactive type)
  (or (symbolp function) (signal 'wrong-type-argument (list 'symbolp function)))
  (or (stringp file) (signal 'wrong-type-argument (list 'stringp file)))
  (if (and (fboundp function) (not (autoloadp (symbol-function function))))
      nil
    (defalias function (list 'autoload file docstring interactive type))))

(defun run-hook-with-args (hook &rest args)
  (let ((value (and (boundp hook) (symbol-value hook))))
    (if (or (functionp value) (and value (not (listp value))))
        (setq value (list value)))
    (while value
      (if (eq (car value) t)
          (let ((global (default-value hook)))
            (if (functionp global) (setq global (list global)))
            (while global
              (unless (eq (car global) t) (apply (car global) args))
              (setq global (cdr global))))
        (apply (car value) args))
      (setq value (cdr value)))))

(defvar after-load-alist nil)
(defvar after-load-functions nil)

(defun do-after-load-evaluation (abs-file)
  ;; The `eval-after-load' forms waiting for a file name (not a feature):
  ;; a relative FILE matches ABS-FILE's tail, with or without ".el".
  (dolist (a-l-element after-load-alist)
    (when (and (stringp (car a-l-element))
               (let ((file (car a-l-element)))
                 (if (string-prefix-p "/" file)
                     (or (string= file abs-file)
                         (string= (concat file ".el") abs-file))
                   (or (string-suffix-p (concat "/" file) abs-file)
                       (string-suffix-p (concat "/" file ".el") abs-file)))))
      (mapc #'funcall (cdr a-l-element))))
  (run-hook-with-args 'after-load-functions abs-file))

(defun eval-after-load (file form)
  (let* ((elt (assoc file after-load-alist))
         (func (if (functionp form) form
                 (eval `(lambda () ,form) lexical-binding))))
    (unless elt
      (setq elt (list file))
      (push elt after-load-alist))
    (prog1 (if (and (symbolp file) (featurep file))
               (funcall func))
      (let ((delayed-func
             (if (not (symbolp file)) func
               ;; Run after the file that provides FILE is loaded.
               (lambda ()
                 (if (not load-file-name)
                     (funcall func)
                   (let ((lfn load-file-name)
                         (fun (make-symbol "eval-after-load-helper")))
                     (fset fun (lambda (file)
                                 (when (equal file lfn)
                                   (remove-hook 'after-load-functions fun)
                                   (funcall func))))
                     (add-hook 'after-load-functions fun 'append)))))))
        (unless (member delayed-func (cdr elt))
          (nconc elt (list delayed-func)))))))

(defmacro with-eval-after-load (file &rest body)
  (declare (indent 1))
  `(eval-after-load ,file (lambda () ,@body)))

;;;; Minor modes (easy-mmode.el), reduced to what batch code sees: the
;;;; mode variable, its hook and a function that sets it and runs BODY.

(defun easy-mmode--split-keys (body)
  ;; (KEYS . BODY): the leading keyword arguments of BODY.
  (let ((keys nil))
    (while (keywordp (car body))
      (setq keys (cons (car body) (cons (car (cdr body)) keys)))
      (setq body (cdr (cdr body))))
    (cons (nreverse (let ((r nil) (l keys))
                      (while l
                        (setq r (cons (car (cdr l)) (cons (car l) r)))
                        (setq l (cdr (cdr l))))
                      r))
          body)))

(defmacro define-minor-mode (mode doc &rest body)
  (declare (doc-string 2) (indent defun))
  (ignore doc)
  (let* ((split (easy-mmode--split-keys body))
         (keys (car split))
         (body (cdr split))
         (init-value (plist-get keys :init-value))
         (variable (or (plist-get keys :variable) mode))
         (hook (intern (concat (symbol-name mode) "-hook")))
         (on-hook (intern (concat (symbol-name mode) "-on-hook")))
         (off-hook (intern (concat (symbol-name mode) "-off-hook")))
         (after-hook (plist-get keys :after-hook)))
    `(progn
       (defvar ,hook nil)
       ,@(unless (plist-get keys :variable)
           `((defvar ,mode ,init-value)))
       (defun ,mode (&optional arg)
         (interactive)
         (setq ,variable
               (cond ((eq arg 'toggle) (not ,variable))
                     ((and (numberp arg) (< arg 1)) nil)
                     (t t)))
         ,@body
         (run-hooks ',hook (if ,variable ',on-hook ',off-hook))
         ,@(if after-hook (list after-hook))
         ,variable)
       ',mode)))

(defmacro define-globalized-minor-mode (global mode turn-on &rest body)
  (declare (doc-string 2) (indent defun))
  (ignore mode turn-on)
  (let* ((split (easy-mmode--split-keys body))
         (keys (car split)))
    (when (stringp (car (cdr split))) nil)
    `(define-minor-mode ,global
       ,(format "Toggle %s in all buffers." mode)
       :global t ,@(if (plist-member keys :init-value)
                       (list :init-value (plist-get keys :init-value))))))

(defalias 'define-global-minor-mode #'define-globalized-minor-mode)

;;;; Benchmarking (benchmark.el).

(defmacro benchmark-elapse (&rest forms)
  (let ((t1 (make-symbol "t1")))
    `(let ((,t1 (float-time)))
       ,@forms
       (- (float-time) ,t1))))

(defun benchmark-call (func &optional repetitions)
  (unless repetitions (setq repetitions 1))
  (let ((gc gc-elapsed)
        (gcs gcs-done)
        (empty-func (lambda () 'empty-func)))
    (list
     (if (> repetitions 1)
         (- (benchmark-elapse (dotimes (_ repetitions) (funcall func)))
            (benchmark-elapse (dotimes (_ repetitions) (funcall empty-func))))
       (- (benchmark-elapse (funcall func))
          (benchmark-elapse (funcall empty-func))))
     (- gcs-done gcs)
     (- gc-elapsed gc))))

(defmacro benchmark-run (&optional repetitions &rest forms)
  (unless (or (natnump repetitions) (and repetitions (symbolp repetitions)))
    (setq forms (cons repetitions forms)
          repetitions 1))
  `(benchmark-call (lambda () ,@forms) ,repetitions))

;; (fns.c) Used by s.el's `s-format'.
(defun assoc-string (key list &optional case-fold)
  "Return the first element of LIST whose car (or itself) equals string KEY.
Symbols count as their names; CASE-FOLD non-nil ignores case."
  (when (symbolp key) (setq key (symbol-name key)))
  (let ((found nil) (done nil))
    (while (and list (not done))
      (let* ((elt (car list))
             (s (if (consp elt) (car elt) elt)))
        (when (symbolp s) (setq s (symbol-name s)))
        (when (and (stringp s)
                   (eq t (compare-strings s nil nil key nil nil case-fold)))
          (setq found elt done t)))
      (setq list (cdr list)))
    found))

;; `subr-x', `seq' and `benchmark' are not preloaded in Emacs; `require'
;; provides them on demand (their contents are here already).
(provide 'macroexp)

;;; subr.el ends here
