;;; gv.el --- generalized variables for the minilisp prelude  -*- lexical-binding: t -*-

;; Places as Emacs 28's gv.el defines them (`setf', `gv-letplace',
;; `gv-define-setter', `gv-define-simple-setter', `gv-define-expander'),
;; with the `push'/`pop' of subr.el and the place macros of cl-lib
;; (`cl-incf', `cl-decf', `cl-callf', `cl-callf2', `cl-pushnew'), written
;; as Emacs writes them so that expansions evaluate each subform once, left
;; to right, exactly as Emacs's do.

;;;; macroexp.el helpers.

(defmacro macroexp-let2 (test sym exp &rest body)
  (declare (indent 3))
  (let ((bodysym (make-symbol "body"))
        (expsym (make-symbol "exp")))
    `(let* ((,expsym ,exp)
            (,sym (if (funcall #',(or test #'macroexp-const-p) ,expsym)
                      ,expsym (make-symbol ,(symbol-name sym))))
            (,bodysym ,(macroexp-progn body)))
       (if (eq ,sym ,expsym) ,bodysym
         (macroexp-let* (list (list ,sym ,expsym))
                        ,bodysym)))))

(defmacro macroexp-let2* (test bindings &rest body)
  (declare (indent 2))
  (if (null bindings)
      (macroexp-progn body)
    `(macroexp-let2 ,test ,(car (car bindings)) ,(car (cdr (car bindings)))
       (macroexp-let2* ,test ,(cdr bindings) ,@body))))

(defun macroexp--maxsize (exp size)
  (cond ((< size 0) size)
        ((symbolp exp) (1- size))
        ((stringp exp) (- size (/ (length exp) 16)))
        ((vectorp exp)
         (dotimes (i (length exp))
           (setq size (macroexp--maxsize (aref exp i) size)))
         (1- size))
        ((consp exp)
         (dolist (e exp)
           (setq size (macroexp--maxsize e size)))
         (1- size))
        (t -1)))

(defun macroexp-small-p (exp)
  (> (macroexp--maxsize exp 10) 0))

(defun function-get (f prop &optional _autoload)
  (let ((val nil))
    (while (and (symbolp f)
                (null (setq val (get f prop)))
                (fboundp f)
                (symbolp (symbol-function f)))
      (setq f (symbol-function f)))
    val))

;;;; The core (gv.el).

(define-error 'gv-invalid-place "%S is not a valid place expression")

(defun gv-get (place do)
  (cond
   ((symbolp place) (funcall do place (lambda (v) `(setq ,place ,v))))
   ((not (consp place)) (signal 'gv-invalid-place (list place)))
   (t
    (let* ((head (car place))
           (gf (function-get head 'gv-expander 'autoload)))
      (if gf (apply gf do (cdr place))
        (let ((me (macroexpand-1 place macroexpand-all-environment)))
          (if (and (eq me place) (get head 'compiler-macro))
              (setq me (apply (get head 'compiler-macro) place (cdr place))))
          (if (and (eq me place) (fboundp head)
                   (symbolp (symbol-function head)))
              (setq me (cons (symbol-function head) (cdr place))))
          (if (eq me place)
              (if (and (symbolp head) (get head 'setf-method))
                  (error "Incompatible place needs recompilation: %S" head)
                (let* ((setter (gv-setter head)))
                  (gv--defsetter head (lambda (&rest args) `(,setter ,@args))
                                 do (cdr place))))
            (gv-get me do))))))))

(defun gv-setter (name)
  (if (get name 'gv-expander)
      (error "gv-expander conflicts with (setf %S)" name))
  (intern (format "(setf %s)" name)))

(defmacro gv-letplace (vars place &rest body)
  (declare (indent 2))
  `(gv-get ,place (lambda ,vars ,@body)))

(defmacro gv-define-expander (name handler)
  (declare (indent 1))
  `(function-put ',name 'gv-expander ,handler))

(defun gv--defun-declaration (symbol name args handler &optional fix)
  (cond
   ((and (eq symbol 'gv-expander) (eq (car-safe handler) 'lambda)
         (consp (nth 1 handler)) (null (cdr (nth 1 handler))))
    `(gv-define-expander ,name
       (lambda (,(car (nth 1 handler)) ,@args) ,@(nthcdr 2 handler))))
   ((and (eq symbol 'gv-expander) (symbolp handler))
    `(gv-define-expander ,name #',handler))
   ((and (eq symbol 'gv-setter) (eq (car-safe handler) 'lambda)
         (consp (nth 1 handler)) (null (cdr (nth 1 handler))))
    `(gv-define-setter ,name (,(car (nth 1 handler)) ,@args)
       ,@(nthcdr 2 handler)))
   ((and (eq symbol 'gv-setter) (symbolp handler))
    `(gv-define-simple-setter ,name ,handler ,fix))
   (t (message "Unknown %s declaration %S" symbol handler) nil)))

(defun gv--defsetter (name setter do args &optional vars)
  (if (null args)
      (let ((vars (nreverse vars)))
        (funcall do `(,name ,@vars) (lambda (v) (apply setter v vars))))
    (macroexp-let2 nil v (car args)
      (gv--defsetter name setter do (cdr args) (cons v vars)))))

(defmacro gv-define-setter (name arglist &rest body)
  (declare (indent 2))
  `(gv-define-expander ,name
     (lambda (do &rest args)
       (declare-function
        gv--defsetter "gv" (name setter do args &optional vars))
       (gv--defsetter ',name (lambda ,arglist ,@body) do args))))

(defmacro gv-define-simple-setter (name setter &optional fix-return)
  (when (eq 'lambda (car-safe setter))
    (message "Use `gv-define-setter' or name %s's setter function" name))
  `(gv-define-setter ,name (val &rest args)
     ,(if fix-return
          `(macroexp-let2 nil v val
             `(progn
                (,',setter ,@args ,v)
                ,v))
        ``(,',setter ,@args ,val))))

(defmacro setf (&rest args)
  (if (/= (logand (length args) 1) 0)
      (signal 'wrong-number-of-arguments (list 'setf (length args))))
  (if (and args (null (cddr args)))
      (let ((place (car args))
            (val (car (cdr args))))
        (gv-letplace (_getter setter) place
          (funcall setter val)))
    (let ((sets nil))
      (while args
        (setq sets (cons `(setf ,(car args) ,(car (cdr args))) sets))
        (setq args (cdr (cdr args))))
      (cons 'progn (nreverse sets)))))

;;;; Places.

(gv-define-simple-setter aref aset)
(gv-define-simple-setter car setcar)
(gv-define-simple-setter cdr setcdr)
(gv-define-setter caar (val x) `(setcar (car ,x) ,val))
(gv-define-setter cadr (val x) `(setcar (cdr ,x) ,val))
(gv-define-setter cdar (val x) `(setcdr (car ,x) ,val))
(gv-define-setter cddr (val x) `(setcdr (cdr ,x) ,val))
(gv-define-setter elt (store seq n)
  `(if (listp ,seq) (setcar (nthcdr ,n ,seq) ,store)
     (aset ,seq ,n ,store)))
(gv-define-simple-setter get put)
(gv-define-setter gethash (val k h &optional _d) `(puthash ,k ,val ,h))

(put 'nth 'gv-expander
     (lambda (do idx list)
       (macroexp-let2 nil c `(nthcdr ,idx ,list)
         (funcall do `(car ,c) (lambda (v) `(setcar ,c ,v))))))
(gv-define-simple-setter symbol-function fset)
(gv-define-simple-setter symbol-plist setplist)
(gv-define-simple-setter symbol-value set)

(put 'nthcdr 'gv-expander
     (lambda (do n place)
       (macroexp-let2 nil idx n
         (gv-letplace (getter setter) place
           (funcall do `(nthcdr ,idx ,getter)
                    (lambda (v) `(if (<= ,idx 0) ,(funcall setter v)
                              (setcdr (nthcdr (1- ,idx) ,getter) ,v))))))))

(gv-define-simple-setter default-value set-default)
(gv-define-simple-setter match-data set-match-data 'fix)

(gv-define-expander alist-get
  (lambda (do key alist &optional default remove testfn)
    (macroexp-let2 macroexp-copyable-p k key
      (gv-letplace (getter setter) alist
        (macroexp-let2 nil p `(if (and ,testfn (not (eq ,testfn 'eq)))
                                  (assoc ,k ,getter ,testfn)
                                (assq ,k ,getter))
          (funcall do (if (null default) `(cdr ,p)
                        `(if ,p (cdr ,p) ,default))
                   (lambda (v)
                     (macroexp-let2 nil v v
                       (let ((set-exp
                              `(if ,p (setcdr ,p ,v)
                                 ,(funcall setter
                                           `(cons (setq ,p (cons ,k ,v))
                                                  ,getter)))))
                         `(progn
                            ,(cond
                             ((null remove) set-exp)
                             ((or (eql v default)
                                  (and (eq (car-safe v) 'quote)
                                       (eq (car-safe default) 'quote)
                                       (eql (cadr v) (cadr default))))
                              `(if ,p ,(funcall setter `(delq ,p ,getter))))
                             (t
                              `(cond
                                ((not (eql ,default ,v)) ,set-exp)
                                (,p ,(funcall setter
                                              `(delq ,p ,getter))))))
                            ,v))))))))))

(gv-define-expander plist-get
  (lambda (do plist prop)
    (macroexp-let2 macroexp-copyable-p key prop
      (gv-letplace (getter setter) plist
        (macroexp-let2 nil p `(cdr (plist-member ,getter ,key))
          (funcall do
                   `(car ,p)
                   (lambda (val)
                     `(if ,p
                          (setcar ,p ,val)
                        ,(funcall setter `(cons ,key (cons ,val ,getter)))))))))))

(put 'progn 'gv-expander
     (lambda (do &rest exps)
       (let ((start (butlast exps))
             (end (car (last exps))))
         (if (null start) (gv-get end do)
           `(progn ,@start ,(gv-get end do))))))

(let ((let-expander
       (lambda (letsym)
         (lambda (do bindings &rest body)
           `(,letsym ,bindings
                     ,@(macroexp-unprogn
                        (gv-get (macroexp-progn body) do)))))))
  (put 'let 'gv-expander (funcall let-expander 'let))
  (put 'let* 'gv-expander (funcall let-expander 'let*)))

(put 'if 'gv-expander
     (lambda (do test then &rest else)
       (if (macroexp-small-p (funcall do 'dummy (lambda (_) 'dummy)))
           `(if ,test ,(gv-get then do)
              ,@(macroexp-unprogn (gv-get (macroexp-progn else) do)))
         (let ((v (gensym "v")))
           (macroexp-let2 nil
               gv `(if ,test ,(gv-letplace (getter setter) then
                                `(cons (lambda () ,getter)
                                       (lambda (,v) ,(funcall setter v))))
                     ,(gv-letplace (getter setter) (macroexp-progn else)
                        `(cons (lambda () ,getter)
                               (lambda (,v) ,(funcall setter v)))))
             (funcall do `(funcall (car ,gv))
                      (lambda (v) `(funcall (cdr ,gv) ,v))))))))

(put 'error 'gv-expander
     (lambda (do &rest args)
       (funcall do `(error . ,args)
                (lambda (v) `(progn ,v (error . ,args))))))

(defun cl--set-substring (str start end val)
  (if end (if (< end 0) (setq end (+ end (length str))))
    (setq end (length str)))
  (if (< start 0) (setq start (+ start (length str))))
  (concat (and (> start 0) (substring str 0 start))
          val
          (and (< end (length str)) (substring str end))))

(gv-define-expander substring
  (lambda (do place from &optional to)
    (gv-letplace (getter setter) place
      (macroexp-let2* nil ((start from) (end to))
        (funcall do `(substring ,getter ,start ,end)
                 (lambda (v)
                   (macroexp-let2 nil v v
                     `(progn
                        ,(funcall setter `(cl--set-substring
                                           ,getter ,start ,end ,v))
                        ,v))))))))

;;;; push and pop (subr.el).

(defmacro push (newelt place)
  (if (symbolp place)
      (list 'setq place (list 'cons newelt place))
    (macroexp-let2 macroexp-copyable-p x newelt
      (gv-letplace (getter setter) place
        (funcall setter `(cons ,x ,getter))))))

(defmacro pop (place)
  `(car-safe
    ,(if (symbolp place)
         (list 'prog1 place (list 'setq place (list 'cdr place)))
       (gv-letplace (getter setter) place
         (macroexp-let2 macroexp-copyable-p x getter
           `(prog1 ,x ,(funcall setter `(cdr ,x))))))))

;;;; Place macros of cl-lib.

(defmacro cl-incf (place &optional x)
  (if (symbolp place)
      (list 'setq place (if x (list '+ place x) (list '1+ place)))
    (list 'cl-callf '+ place (or x 1))))

(defmacro cl-decf (place &optional x)
  (if (symbolp place)
      (list 'setq place (if x (list '- place x) (list '1- place)))
    (list 'cl-callf '- place (or x 1))))

(defmacro cl-callf (func place &rest args)
  (declare (indent 2))
  (gv-letplace (getter setter) place
    (let* ((rargs (cons getter args)))
      (funcall setter
               (if (symbolp func) (cons func rargs)
                 `(funcall #',func ,@rargs))))))

(defmacro cl-callf2 (func arg1 place &rest args)
  (declare (indent 3))
  (macroexp-let2 nil a1 arg1
    (gv-letplace (getter setter) place
      (let* ((rargs (cons a1 (cons getter args))))
        (funcall setter
                 (if (symbolp func) (cons func rargs)
                   `(funcall #',func ,@rargs)))))))

(defmacro cl-pushnew (x place &rest keys)
  (if (symbolp place)
      (if (null keys)
          (macroexp-let2 nil var x
            `(if (memql ,var ,place)
                 (with-no-warnings ,place)
               (setq ,place (cons ,var ,place))))
        `(setq ,place (cl-adjoin ,x ,place ,@keys)))
    `(cl-callf2 cl-adjoin ,x ,place ,@keys)))

(unless (fboundp 'cl-adjoin)
  (defun cl-adjoin (item list &rest keys)
    ;; The :test, :test-not and :key keywords of cl-lib's `cl-adjoin'.
    (let ((test (plist-get keys :test))
          (test-not (plist-get keys :test-not))
          (key (plist-get keys :key))
          (found nil)
          (tail list))
      (let ((k (if key (funcall key item) item)))
        (while (and tail (not found))
          (let ((e (if key (funcall key (car tail)) (car tail))))
            (if (cond (test (funcall test k e))
                      (test-not (not (funcall test-not k e)))
                      (t (eql k e)))
                (setq found t)))
          (setq tail (cdr tail))))
      (if found list (cons item list)))))



;;; gv.el ends here
