;;; ert.el --- Emacs Lisp Regression Testing, the part test files use  -*- lexical-binding: t -*-

;; Emacs 28's ERT as test files and `-f ert-run-tests-batch-and-exit'
;; see it: `ert-deftest' (docstring, :tags, :expected-result), `should',
;; `should-not', `should-error' (:type, :exclude-subtypes), `skip-unless',
;; `ert-fail', `ert-skip', `ert-run-tests-batch' and
;; `ert-run-tests-batch-and-exit', with Emacs's batch report byte for byte
;; (the conditions pretty-printed as `pp' and `indent-sexp' lay them out).
;;
;; Differences from Emacs:
;; - minilisp keeps no backtrace: a failing test's "Test NAME backtrace:"
;;   line is followed by no frames.
;; - A string selector matches test names by substring (Emacs: regexp).
;; - Tests are plain vectors, not `cl-defstruct' objects; the accessors
;;   `ert-test-name', `ert-get-test', `ert-test-boundp' exist.
;;
;; This file is embedded in the binary but not part of the prelude:
;; `(require 'ert)' evaluates it (see LIBRARIES in
;; src/interp/builtins/mod.rs), so starts that do not test pay nothing.
;; As in Emacs, `ert-deftest', `ert-run-tests-batch' and
;; `ert-run-tests-batch-and-exit' are autoloaded (lisp/ert-autoloads.el).
;;
;; `minilisp --test FILE...' reuses `ert--batch-run-test' and the report
;; functions below to run each test in its own clone of the interpreter.

;;; Tests

(defvar ert--tests nil
  "Every defined test, most recently defined first.")

(defvar ert-quiet nil
  "Non-nil makes ERT only print important information in batch mode.")

(defvar ert-batch-backtrace-right-margin 70)

;; A test: [ert-test NAME DOC BODY EXPECTED-RESULT TAGS]
(defun ert-test-name (test) (aref test 1))
(defun ert-test-documentation (test) (aref test 2))
(defun ert-test-body (test) (aref test 3))
(defun ert-test-expected-result-type (test) (aref test 4))
(defun ert-test-tags (test) (aref test 5))

(defun ert-test-boundp (symbol)
  (and (get symbol 'ert--test) t))

(defun ert-get-test (symbol)
  (or (get symbol 'ert--test)
      (error "No test named `%S'" symbol)))

(defun ert-set-test (name test)
  (put name 'ert--test test)
  (setq ert--tests (cons name (delq name ert--tests)))
  name)

(defun ert-delete-all-tests ()
  (dolist (name ert--tests) (put name 'ert--test nil))
  (setq ert--tests nil)
  t)

(defmacro ert-deftest (name _args &rest body)
  "Define NAME as an ERT test running BODY."
  (declare (indent 2) (doc-string 3))
  (let ((doc nil) (expected :passed) (tags nil))
    (when (and (stringp (car body)) (cdr body))
      (setq doc (car body) body (cdr body)))
    (while (keywordp (car body))
      (cond ((eq (car body) :expected-result) (setq expected (cadr body)))
            ((eq (car body) :tags) (setq tags (cadr body)))
            (t (error "Unknown keyword in ert-deftest: %S" (car body))))
      (setq body (cddr body)))
    `(progn
       (ert-set-test ',name (vector 'ert-test ',name ,doc
                                    (lambda () ,@body)
                                    ,expected ,tags))
       ',name)))

;;; Failing and skipping

(define-error 'ert-test-failed "Test failed")
(define-error 'ert-test-skipped "Test skipped")

(defun ert-fail (data)
  "Signal that the test failed, with DATA."
  (signal 'ert-test-failed (list data)))

(defun ert-skip (data)
  "Signal that the test is skipped, with DATA."
  (signal 'ert-test-skipped (list data)))

;;; Assertions

(defun ert--should-args (arg-fns)
  "Evaluate ARG-FNS; on an error, arrange to re-signal it as Emacs does.
Returns (FN-OVERRIDE . ARGS)."
  (condition-case err
      (cons nil (mapcar #'funcall arg-fns))
    (error (cons 'signal (list (car err) (cdr err))))))

(defconst ert--aborted (make-symbol "ert-form-evaluation-aborted"))

(defun ert--describe (whole fn args value)
  "The failure description of WHOLE: form, value, explanation."
  (let ((explainer (and (symbolp fn) (get fn 'ert-explainer))))
    (append (list whole :form (cons fn args))
            (unless (eq value ert--aborted) (list :value value))
            (when explainer
              (list :explanation (apply explainer args))))))

(defun ert--expand-should (whole form)
  "Expand FORM for WHOLE into (FN-FORM ARG-FNS-FORM) or nil (no call)."
  (let ((form (condition-case err
                  (macroexpand-all form macroexpand-all-environment)
                (error `(signal ',(car err) ',(cdr err))))))
    (if (or (atom form) (special-form-p (car form)))
        (list form)
      (list nil `(function ,(car form))
            `(list ,@(mapcar (lambda (a) `(lambda () ,a)) (cdr form)))))))

(defun ert--should-run (whole fn arg-fns)
  "Call FN on the values of ARG-FNS; return (VALUE . DESCRIPTION-FN)."
  (let* ((r (ert--should-args arg-fns))
         (fn (or (car r) fn))
         (args (cdr r))
         (value ert--aborted))
    (unwind-protect
        (setq value (apply fn args))
      nil)
    (cons value (lambda () (ert--describe whole fn args value)))))

(defun ert--should-simple (whole form-fn)
  (let ((value (funcall form-fn)))
    (cons value (lambda () (list whole :form (nth 1 whole) :value value)))))

(defun ert--should-form (whole form)
  "A form that evaluates FORM for WHOLE and gives (VALUE . DESC-FN)."
  (let ((e (ert--expand-should whole form)))
    (if (null (cdr e))
        `(let ((value ,(car e)))
           (cons value (lambda () (list ',whole :form ',(car e) :value value))))
      `(ert--should-run ',whole ,(nth 1 e) ,(nth 2 e)))))

(defmacro should (form)
  "Fail the test unless FORM is non-nil."
  `(let ((r ,(ert--should-form `(should ,form) form)))
     (if (car r) (car r) (ert-fail (funcall (cdr r))))))

(defmacro should-not (form)
  "Fail the test if FORM is non-nil."
  `(let ((r ,(ert--should-form `(should-not ,form) form)))
     (if (car r) (ert-fail (funcall (cdr r))) nil)))

(defmacro skip-unless (form)
  "Skip the test unless FORM is non-nil."
  `(let ((r ,(ert--should-form `(skip-unless ,form) form)))
     (if (car r) (car r) (ert-skip (funcall (cdr r))))))

(defun ert--should-error-run (whole form-thunk-desc type exclude-subtypes)
  (let ((desc nil) (errorp nil) (result nil))
    (condition-case condition
        (let ((r (funcall form-thunk-desc (lambda (d) (setq desc d)))))
          (setq desc (cdr r)))
      ((error quit)
       (setq errorp t)
       (let* ((error-symbol (car condition))
              (types (if (listp type) type (list type)))
              (handled (get error-symbol 'error-conditions)))
         (when types
           (unless (let ((ok nil))
                     (dolist (ty types) (when (memq ty handled) (setq ok t)))
                     ok)
             (ert-fail (append (funcall desc)
                               (list :condition condition
                                     :fail-reason "the error signaled did not have the expected type")))))
         (when exclude-subtypes
           (unless (memq error-symbol types)
             (ert-fail (append (funcall desc)
                               (list :condition condition
                                     :fail-reason "the error signaled was a subtype of the expected type")))))
         (setq result condition))))
    (unless errorp
      (ert-fail (append (funcall desc) (list :fail-reason "did not signal an error"))))
    (ignore whole)
    result))

(defun ert--should-error-call (whole fn arg-fns set-desc)
  "Like `ert--should-run', but publishes the description before the call."
  (let* ((r (ert--should-args arg-fns))
         (fn (or (car r) fn))
         (args (cdr r))
         (value ert--aborted))
    (funcall set-desc (lambda () (ert--describe whole fn args value)))
    (setq value (apply fn args))
    (cons value (lambda () (ert--describe whole fn args value)))))

(defmacro should-error (form &rest keys)
  "Fail the test unless FORM signals an error; return the error.
KEYS: :type (an error symbol or a list of them), :exclude-subtypes."
  (let* ((whole `(should-error ,form ,@keys))
         (e (ert--expand-should whole form))
         (thunk
          (if (null (cdr e))
              `(lambda (set-desc)
                 (let ((value ert--aborted))
                   (funcall set-desc (lambda () (list ',whole :form ',(car e))))
                   (setq value ,(car e))
                   (cons value (lambda () (list ',whole :form ',(car e) :value value)))))
            `(lambda (set-desc)
               (ert--should-error-call ',whole ,(nth 1 e) ,(nth 2 e) set-desc)))))
    `(ert--should-error-run ',whole ,thunk ,(plist-get keys :type)
                            ,(plist-get keys :exclude-subtypes))))

;;; Extra information for failures

(defvar ert--failure-infos nil
  "The `ert-info' messages around the failure being reported, outermost first.")

(defmacro ert-info (message-and-prefix &rest body)
  "Run BODY; if it fails, the report shows MESSAGE (with PREFIX).
\(ert-info (MESSAGE-FORM &key ((:prefix PREFIX-FORM) \"Info: \")) BODY...)
Emacs records the messages when the error is signaled; minilisp, as
the error leaves BODY (so an error caught inside BODY leaves none)."
  (declare (indent 1))
  (let ((message-form (car message-and-prefix))
        (prefix-form (if (plist-member (cdr message-and-prefix) :prefix)
                         (plist-get (cdr message-and-prefix) :prefix)
                       "Info: ")))
    `(let ((info (cons ,prefix-form ,message-form)))
       (condition-case err
           (progn ,@body)
         (t (setq ert--failure-infos (cons info ert--failure-infos))
            (signal (car err) (cdr err)))))))

(defun ert--infos-text (infos)
  "INFOS as `ert--insert-infos' inserts them."
  (let ((out ""))
    (dolist (info infos)
      (let* ((prefix (car info))
             (indentation (make-string (+ (length prefix) 4) ?\s))
             (lines (split-string (cdr info) "\n")))
        (setq out (concat out "    " prefix (car lines) "\n"))
        (dolist (l (cdr lines))
          (setq out (concat out indentation l "\n")))))
    out))

;;; Explainers

(defun ert--explain-format-atom (x)
  (cond ((characterp x) (list x (format "#x%x" x) (format "?%c" x)))
        ((integerp x) (list x (format "#x%x" x)))
        (t x)))

(defun ert--proper-list-p (x)
  (and (listp x) (proper-list-p x) t))

(defun ert--explain-equal-rec (a b)
  "A description of why A and B are not `equal', or nil if they are."
  (if (not (eq (type-of a) (type-of b)))
      `(different-types ,a ,b)
    (cond
     ((consp a)
      (let ((a-proper-p (ert--proper-list-p a))
            (b-proper-p (ert--proper-list-p b)))
        (if (not (eq (not a-proper-p) (not b-proper-p)))
            `(one-list-proper-one-improper ,a ,b)
          (if a-proper-p
              (if (not (equal (length a) (length b)))
                  `(proper-lists-of-different-length ,(length a) ,(length b)
                                                     ,a ,b
                                                     first-mismatch-at
                                                     ,(ert--mismatch a b))
                (let ((i 0) (found nil) (xs a) (ys b))
                  (while (and xs (not found))
                    (let ((xi (ert--explain-equal-rec (car xs) (car ys))))
                      (when xi (setq found `(list-elt ,i ,xi))))
                    (setq i (1+ i) xs (cdr xs) ys (cdr ys)))
                  found))
            (let ((car-x (ert--explain-equal-rec (car a) (car b))))
              (if car-x
                  `(car ,car-x)
                (let ((cdr-x (ert--explain-equal-rec (cdr a) (cdr b))))
                  (if cdr-x
                      `(cdr ,cdr-x)
                    nil))))))))
     ((or (stringp a) (vectorp a))
      (if (not (= (length a) (length b)))
          `(arrays-of-different-length ,(length a) ,(length b) ,a ,b
                                       first-mismatch-at ,(ert--mismatch a b))
        (let ((i 0) (found nil))
          (while (and (< i (length a)) (not found))
            (let ((xi (ert--explain-equal-rec (aref a i) (aref b i))))
              (when xi (setq found `(array-elt ,i ,xi))))
            (setq i (1+ i)))
          found)))
     (t
      (if (equal a b)
          nil
        `(different-atoms ,(ert--explain-format-atom a)
                          ,(ert--explain-format-atom b)))))))

(defun ert--mismatch (a b)
  "The first index at which sequences A and B differ, or nil."
  (let ((la (length a)) (lb (length b)) (i 0) (r nil))
    (while (and (null r) (< i la) (< i lb))
      (unless (eql (elt a i) (elt b i)) (setq r i))
      (setq i (1+ i)))
    (or r (if (= la lb) nil (min la lb)))))

(defun ert--explain-equal (a b)
  "Explainer function for `equal'."
  (if (equal a b) nil (ert--explain-equal-rec a b)))
(put 'equal 'ert-explainer 'ert--explain-equal)

;;; Pretty printing as `pp' then `indent-sexp' (Emacs 28)

(defun ert--octal (c next)
  "C as the printer's octal escape; three digits when NEXT is an octal digit."
  (let ((s (format "%o" c)))
    (if (and next (>= next ?0) (<= next ?7))
        (concat "\\" (make-string (- 3 (length s)) ?0) s)
      (concat "\\" s))))

(defun ert--escape-controls (s)
  "The printed text S with control characters in strings escaped, as
`print-escape-control-characters' does."
  (let ((out nil) (i 0) (n (length s)) (in-string nil))
    (while (< i n)
      (let ((c (aref s i)))
        (cond ((and in-string (eq c ?\\) (< (1+ i) n))
               (push (char-to-string c) out)
               (setq i (1+ i))
               (push (char-to-string (aref s i)) out))
              ((eq c ?\") (setq in-string (not in-string)) (push "\"" out))
              ((and in-string (or (< c 32) (= c 127)))
               (push (ert--octal c (and (< (1+ i) n) (aref s (1+ i)))) out))
              (t (push (char-to-string c) out))))
      (setq i (1+ i)))
    (apply #'concat (nreverse out))))

(defun ert--tokenize (s)
  "Tokens of the printed text S: (KIND START END), KIND open, close, atom.
An open token starts at its prefix characters (' ` # ,)."
  (let ((toks nil) (i 0) (n (length s)))
    (while (< i n)
      (let ((c (aref s i)))
        (cond
         ((memq c '(?\s ?\t ?\n)) (setq i (1+ i)))
         ((memq c '(?\) ?\])) (push (list 'close i (1+ i)) toks) (setq i (1+ i)))
         ((memq c '(?\( ?\[)) (push (list 'open i (1+ i)) toks) (setq i (1+ i)))
         ((eq c ?\")
          (let ((j (1+ i)))
            (while (and (< j n) (not (eq (aref s j) ?\")))
              (when (eq (aref s j) ?\\) (setq j (1+ j)))
              (setq j (1+ j)))
            (push (list 'string i (1+ j)) toks)
            (setq i (1+ j))))
         ((and (memq c '(?' ?` ?, ?#))
               (let ((j i))
                 (while (and (< j n) (memq (aref s j) '(?' ?` ?, ?# ?s ?@)))
                   (setq j (1+ j)))
                 (and (< j n) (memq (aref s j) '(?\( ?\[))
                      (progn (push (list 'open i (1+ j)) toks) (setq i (1+ j)) t)))))
         (t
          (let ((j i))
            (while (and (< j n) (not (memq (aref s j) '(?\s ?\t ?\n ?\( ?\) ?\[ ?\] ?\"))))
              (when (eq (aref s j) ?\\) (setq j (1+ j)))
              (setq j (1+ j)))
            (push (list 'atom i j) toks)
            (setq i j))))))
    (nreverse toks)))

(defun ert--pp-lines (s)
  "Split the printed text S into lines as `pp-buffer' does: a newline
before each list that follows whitespace, and after each run of closing
parentheses. Returns a list of lines, each a list of tokens (KIND TEXT)."
  (let ((lines nil) (line nil) (prev nil))
    (dolist (tok (ert--tokenize s))
      (let ((kind (car tok)) (text (substring s (nth 1 tok) (nth 2 tok))))
        ;; pp-buffer looks at the character before the parenthesis (and
        ;; its quote characters): after the `s' of `#s(' it adds no newline.
        (when (and (eq kind 'open) line (not (eq prev 'open))
                   (not (string-prefix-p "#s" text)))
          (push (nreverse line) lines)
          (setq line nil))
        (when (and (eq prev 'close) (not (eq kind 'close)) line)
          (push (nreverse line) lines)
          (setq line nil))
        (push (list kind text) line)
        (setq prev kind)))
    (when line (push (nreverse line) lines))
    (nreverse lines)))

(defun ert--line-text (line)
  "The text of LINE, a list of tokens, with single spaces between atoms."
  (let ((pieces nil) (prev nil))
    (dolist (tok line)
      (when (and prev (not (eq prev 'open)) (not (eq (car tok) 'close)))
        (push " " pieces))
      (push (nth 1 tok) pieces)
      (setq prev (car tok)))
    (apply #'concat (nreverse pieces))))

(defconst ert--indent-specs
  '((if . 2) (let . 1) (let* . 1) (when . 1) (unless . 1) (while . 1)
    (dolist . 1) (dotimes . 1) (catch . 1) (condition-case . 2)
    (unwind-protect . 1) (progn . 0) (prog1 . 1) (prog2 . 2)
    (save-excursion . 0) (save-restriction . 0) (with-temp-buffer . 0)
    (lambda . defun) (ert-deftest . 2) (letrec . 1) (dlet . 1)
    (ignore-errors . 0) (condition-case-unless-debug . 2) (defun . 2)
    (defmacro . 2) (pcase . 1) (with-current-buffer . 1)
    (save-match-data . 0) (dolist-with-progress-reporter . 2)
    (pcase-let . 1) (with-output-to-string . 0) (with-demoted-errors . 1)
    (with-no-warnings . 0) (let-alist . 1) (if-let . 2) (when-let . 1)
    (inline . 0))
  "The `lisp-indent-function' properties Emacs 28 -Q has once ERT is
loaded, for the forms that have one (others: nil, or `defun' style for
names starting with \"def\").")

(defun ert--indent-method (name)
  (let ((cell (assq (intern name) ert--indent-specs)))
    (cond (cell (cdr cell))
          ((and (> (length name) 3) (string-prefix-p "def" name)) 'defun)
          (t nil))))

(defun ert--punct-length (text)
  "How many punctuation characters TEXT starts with, in the standard
syntax table (ERT indents in a `fundamental-mode' buffer)."
  (let ((i 0))
    (while (and (< i (length text))
                (memq (aref text i) '(?' ?` ?, ?# ?: ?? ?@ ?! ?~ ?^ ?\; ?.)))
      (setq i (1+ i)))
    (if (= i (length text)) 0 i)))

(defun ert--sexp-col (elem)
  "Where ELEM's sexp starts for `parse-partial-sexp': after punctuation."
  (+ (nth 0 elem) (ert--punct-length (nth 3 elem))))

(defun ert--symbolish (elem)
  "Whether ELEM's sexp starts with a word or symbol constituent."
  (let ((text (nth 3 elem)))
    (and (eq (nth 2 elem) 'atom)
         (not (memq (aref text (ert--punct-length text)) '(?\( ?\[ ?\"))))))

(defun ert--calc-indent (frame line-start-colon)
  "The column for a line starting inside FRAME, as `calculate-lisp-indent'
and `lisp-indent-function' compute it in a `fundamental-mode' buffer.
FRAME: (PAREN-COL PAREN-LINE ELEMS), ELEMS newest first, each
\(COL LINE KIND TEXT); LINE-START-COLON: the line starts with a colon."
  (let* ((pcol (nth 0 frame)) (pline (nth 1 frame))
         (elems (reverse (nth 2 frame)))
         (first (car elems)) (last (car (last elems))))
    (if (null first)
        (1+ pcol)
      (let* ((line-first
              ;; The first token on the last sexp's line (at this depth).
              (let ((r nil))
                (dolist (e elems) (when (and (null r) (= (nth 1 e) (nth 1 last))) (setq r e)))
                r))
             (on-paren-line (= (nth 1 last) pline)))
        (if (not (ert--symbolish first))
            (if on-paren-line (ert--sexp-col first) (nth 0 line-first))
          (let* ((normal (cond ((not on-paren-line) (nth 0 line-first))
                               ((eq first last) (ert--sexp-col first))
                               (t (ert--sexp-col (nth 1 elems)))))
                 (name (substring (nth 3 first) (ert--punct-length (nth 3 first))))
                 (method (ert--indent-method name))
                 (value
                  (cond
                   ((eq method 'defun)
                    (when on-paren-line (+ pcol 2)))
                   ((integerp method)
                    (let* ((k (1- (length elems))) (count (- method k)))
                      (if (> count 0)
                          (if (<= k 1) (+ pcol 4) normal)
                        (if (or (and (= method 0) (= count 0))
                                (and (= count 0) (<= (+ pcol 2) normal)))
                            (+ pcol 2)
                          normal))))
                   (t nil))))
            (ignore line-start-colon)
            (or value normal)))))))

(defun ert--indent-string (col)
  "Whitespace to COL as `indent-to' makes it (tabs, `indent-tabs-mode' t)."
  (concat (make-string (/ col 8) ?\t) (make-string (% col 8) ?\s)))

(defun ert--pp-indented (object column)
  "OBJECT as `pp' prints it, then indented by `indent-sexp' as if it
started at COLUMN. The first line carries no indentation."
  (let* ((text (ert--escape-controls
                (let ((print-escape-newlines t)) (prin1-to-string object)))))
    (ert--pp-join (ert--pp-lines text) column)))

(defun ert--pp-join (lines column)
  "Indent LINES (from `ert--pp-lines') as `indent-sexp' does, the first
starting at COLUMN; return the text."
  (let ((stack nil) (result nil) (line-no 0))
    (dolist (line lines)
      (let* ((content (ert--line-text line))
             (starts-with-colon (and (eq (car (car line)) 'atom)
                                     (eq (aref (nth 1 (car line)) 0) ?:)))
             (col (if (= line-no 0) column
                    (if stack (ert--calc-indent (car stack) starts-with-colon) 0)))
             (prev nil))
        (push (if (= line-no 0) content (concat (ert--indent-string col) content)) result)
        (dolist (tok line)
          (let ((kind (car tok)) (tx (nth 1 tok)))
            (when (and prev (not (eq prev 'open)) (not (eq kind 'close)))
              (setq col (1+ col)))
            (when (and stack (not (eq kind 'close)))
              (let ((f (car stack)))
                (setcar (nthcdr 2 f) (cons (list col line-no kind tx) (nth 2 f)))))
            (cond ((eq kind 'open)
                   (push (list (+ col (1- (length tx))) line-no nil) stack))
                  ((eq kind 'close) (setq stack (cdr stack))))
            (setq col (+ col (length tx)) prev kind)))
        (setq line-no (1+ line-no))))
    (mapconcat #'identity (nreverse result) "\n")))

;;; Selecting tests

(defun ert--test-matches-p (selector name)
  (let ((test (get name 'ert--test)))
    (cond ((memq selector '(t nil)) (eq selector t))
          ((stringp selector) (and (string-search selector (symbol-name name)) t))
          ((symbolp selector) (eq selector name))
          ((eq (car-safe selector) 'member) (and (memq name (cdr selector)) t))
          ((eq (car-safe selector) 'tag)
           (and (memq (cadr selector) (ert-test-tags test)) t))
          ((eq (car-safe selector) 'not)
           (not (ert--test-matches-p (cadr selector) name)))
          ((eq (car-safe selector) 'and)
           (let ((ok t))
             (dolist (s (cdr selector)) (unless (ert--test-matches-p s name) (setq ok nil)))
             ok))
          ((eq (car-safe selector) 'or)
           (let ((ok nil))
             (dolist (s (cdr selector)) (when (ert--test-matches-p s name) (setq ok t)))
             ok))
          (t (error "Invalid selector: %S" selector)))))

(defun ert-select-tests (selector)
  "The names of the tests SELECTOR selects, sorted by name as Emacs runs them."
  (let ((names nil))
    (dolist (name ert--tests)
      (when (ert--test-matches-p selector name) (push name names)))
    (sort names (lambda (a b) (string< (symbol-name a) (symbol-name b))))))

(defun ert--select-by-prefix (prefix)
  "Tests whose name is PREFIX or starts with it (`minilisp --test-select')."
  (let ((names nil))
    (dolist (name ert--tests)
      (when (string-prefix-p prefix (symbol-name name)) (push name names)))
    (sort names (lambda (a b) (string< (symbol-name a) (symbol-name b))))))

;;; Running tests in batch mode

(defun ert--format-time (time)
  "TIME (a float) as `ert--format-time-iso8601' shows it, in UTC."
  (let* ((secs (floor time))
         (days (floor secs 86400))
         (rem (- secs (* days 86400)))
         ;; Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
         (z (+ days 719468))
         (era (floor z 146097))
         (doe (- z (* era 146097)))
         (yoe (/ (- doe (/ doe 1460) (- (/ doe 36524)) (/ doe 146096)) 365))
         (y (+ yoe (* era 400)))
         (doy (- doe (- (+ (* 365 yoe) (/ yoe 4)) (/ yoe 100))))
         (mp (/ (+ (* 5 doy) 2) 153))
         (d (1+ (- doy (/ (+ (* 153 mp) 2) 5))))
         (m (if (< mp 10) (+ mp 3) (- mp 9))))
    (when (<= m 2) (setq y (1+ y)))
    (format "%04d-%02d-%02d %02d:%02d:%02d+0000" y m d
            (/ rem 3600) (% (/ rem 60) 60) (% rem 60))))

(defun ert--result-string (type expected)
  (let ((s (cdr (assq type '((:passed . "passed") (:failed . "failed")
                             (:skipped . "skipped"))))))
    (if expected s (upcase s))))

(defun ert--expected-p (test type)
  (or (eq type :skipped)
      (let ((want (ert-test-expected-result-type test)))
        (or (eq want t) (eq want type)))))

(defun ert--run-test (test)
  "Run TEST; return (TYPE CONDITION DURATION)."
  (let ((start (float-time)) (type :passed) (condition nil))
    (setq ert--failure-infos nil)
    (condition-case err
        (funcall (ert-test-body test))
      (ert-test-skipped (setq type :skipped condition err))
      (t (setq type :failed condition err)))
    (list type condition (- (float-time) start))))

(defun ert--batch-run-test (name pos total)
  "Run the test NAME as test POS (from 1) of TOTAL, printing what
`ert-run-tests-batch' prints for it; return (TYPE . EXPECTED-P)."
  (let* ((test (ert-get-test name))
         (r (ert--run-test test))
         (type (nth 0 r))
         (expected (ert--expected-p test type)))
    (unless expected
      (if (eq type :passed)
          (message "Test %S passed unexpectedly" name)
        (message "Test %S backtrace:" name)
        (message "Test %S condition:" name)
        (message "%s" (concat (ert--infos-text ert--failure-infos)
                              "    "
                              (let ((print-level 5) (print-length 10))
                                (ert--pp-indented (nth 1 r) 4))))))
    (unless ert-quiet
      (let* ((max (prin1-to-string total))
             (fmt (concat "%9s  %" (prin1-to-string (length max)) "s/" max "  %S (%f sec)")))
        (message fmt (ert--result-string type expected) pos name (nth 2 r))))
    (cons type expected)))

(defun ert--batch-report-start (count selector)
  "Print the first line of the batch report; return the start time."
  (let ((start (float-time)))
    (unless ert-quiet
      (message "Running %s tests (%s, selector `%S')" count (ert--format-time start) selector))
    start))

(defun ert--batch-report-end (names results start)
  "Print the end of the batch report for NAMES, whose RESULTS are
\(TYPE . EXPECTED-P) in the same order; return the number unexpected."
  (let* ((end (float-time))
         (total (length names))
         (expected 0) (unexpected 0) (skipped 0) (failed-expected 0))
    (dolist (r results)
      (cond ((eq (car r) :skipped) (setq skipped (1+ skipped)))
            ((cdr r) (setq expected (1+ expected))
             (when (eq (car r) :failed) (setq failed-expected (1+ failed-expected))))
            (t (setq unexpected (1+ unexpected)))))
    (message "\n%sRan %s tests, %s results as expected, %s unexpected%s (%s, %f sec)%s\n"
             "" total expected unexpected
             (if (zerop skipped) "" (format ", %s skipped" skipped))
             (ert--format-time end) (- end start)
             (if (zerop failed-expected) ""
               (format "\n%s expected failures" failed-expected)))
    (unless (zerop unexpected)
      (message "%s unexpected results:" unexpected)
      (let ((ns names) (rs results))
        (while ns
          (unless (cdr (car rs))
            (message "%9s  %S%s" (ert--result-string (car (car rs)) nil) (car ns) ""))
          (setq ns (cdr ns) rs (cdr rs))))
      (message "%s" ""))
    (unless (zerop skipped)
      (message "%s skipped results:" skipped)
      (let ((ns names) (rs results))
        (while ns
          (when (eq (car (car rs)) :skipped)
            (message "%9s  %S%s" "SKIPPED" (car ns) ""))
          (setq ns (cdr ns) rs (cdr rs))))
      (message "%s" ""))
    unexpected))

(defun ert-run-tests-batch (&optional selector)
  "Run the tests SELECTOR selects (all if nil), printing the batch
report. Returns the number of unexpected results (Emacs: a stats object)."
  (unless selector (setq selector t))
  (let* ((names (ert-select-tests selector))
         (total (length names))
         (start (ert--batch-report-start total selector))
         (pos 0) (results nil))
    (dolist (name names)
      (setq pos (1+ pos))
      (push (ert--batch-run-test name pos total) results))
    (ert--batch-report-end names (nreverse results) start)))

(defun ert-run-tests-batch-and-exit (&optional selector)
  "Like `ert-run-tests-batch', then exit: status 0 if every result was
as expected, 1 otherwise."
  (let ((unexpected (ert-run-tests-batch selector)))
    (kill-emacs (if (zerop unexpected) 0 1))))

;; The autoload stubs of lisp/ert-autoloads.el are replaced above.
(provide 'ert)

;;; ert.el ends here
