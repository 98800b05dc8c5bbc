;;; rx.el --- S-expression notation for regexps  -*- lexical-binding: t -*-

;; minilisp's `rx' and `rx-to-string', following the translation rules of
;; Emacs 28's rx.el so that the generated regexp strings are identical.
;;
;; A translated item is a pair (PARTS . PREC): PARTS is a list of strings
;; (or, inside the `rx' macro, Lisp forms for non-constant `literal' and
;; `regexp' arguments) whose concatenation is the regexp, and PREC tells how
;; tightly it binds:
;;   t     -- atomic: can take a postfix operator as is
;;   seq   -- a sequence: can be concatenated with anything
;;   lseq  -- a sequence that must stay leftmost (starts with ^)
;;   rseq  -- a sequence that must stay rightmost (ends with $)
;;   nil   -- an alternation: must be bracketed for everything

(defconst rx--char-classes
  '((digit . digit) (numeric . digit) (num . digit)
    (control . cntrl) (cntrl . cntrl)
    (hex-digit . xdigit) (hex . xdigit) (xdigit . xdigit)
    (blank . blank)
    (graphic . graph) (graph . graph)
    (printing . print) (print . print)
    (alphanumeric . alnum) (alnum . alnum)
    (letter . alpha) (alphabetic . alpha) (alpha . alpha)
    (ascii . ascii) (nonascii . nonascii)
    (lower . lower) (lower-case . lower)
    (punctuation . punct) (punct . punct)
    (space . space) (whitespace . space) (white . space)
    (upper . upper) (upper-case . upper)
    (word . word) (wordchar . word)
    (unibyte . unibyte) (multibyte . multibyte))
  "rx symbols naming character classes, and the class each names.")

(defconst rx--max-char #x3fffff)

(defvar rx-constituents nil
  "Old-style rx extensions (NAME . STRING-OR-ALIAS); kept for compatibility.")

(defvar rx--local-definitions nil
  "Local rx definitions: (NAME DEF) or (NAME ARGS DEF).")

(defvar rx--greedy t)
(defvar rx--delayed-evaluation nil)

(defun rx--lookup-def (name)
  (or (cdr (assq name rx--local-definitions))
      (get name 'rx-definition)))

(defun rx--substitute-args (bindings form)
  "Replace the symbols bound in BINDINGS within FORM; splice &rest values."
  (cond ((symbolp form)
         (let ((b (assq form bindings)))
           (if b (cadr b) form)))
        ((consp form)
         (let ((out nil))
           (while (consp form)
             (let* ((x (car form))
                    (b (and (symbolp x) (assq x bindings))))
               (if (and b (eq (car (cddr b)) 'rest))
                   (setq out (append (reverse (cadr b)) out))
                 (push (rx--substitute-args bindings x) out)))
             (setq form (cdr form)))
           (nreverse out)))
        (t form)))

(defun rx--expand-def (form)
  "FORM expanded once if it is a user-defined rx construct, else nil."
  (cond ((symbolp form)
         (let ((def (rx--lookup-def form)))
           (and def
                (if (cdr def)
                    (error "Not an `rx' symbol definition: %s" form)
                  (car def)))))
        ((and (consp form) (symbolp (car form)))
         (let ((def (rx--lookup-def (car form))))
           (and def
                (if (cdr def)
                    (let ((params (car def)) (args (cdr form)) (bindings nil))
                      (while params
                        (if (eq (car params) '&rest)
                            (progn
                              (push (list (cadr params) args 'rest) bindings)
                              (setq params nil args nil))
                          (push (list (car params) (car args)) bindings)
                          (setq params (cdr params) args (cdr args))))
                      (rx--substitute-args bindings (cadr def)))
                  (error "Not an `rx' form definition: %s" (car form))))))))

(defun rx--empty ()
  (cons (list regexp-unmatchable) 'seq))

(defun rx--bracket (parts)
  (append (list "\\(?:") parts (list "\\)")))

(defun rx--atomic (item)
  (if (eq (cdr item) t) (car item) (rx--bracket (car item))))

(defun rx--translate-symbol (sym)
  (let ((simple
         (cond ((memq sym '(nonl not-newline any)) '("." . t))
               ((memq sym '(anychar anything)) '("[^z-a]" . t))
               ((memq sym '(bol line-start)) '("^" . lseq))
               ((memq sym '(eol line-end)) '("$" . rseq))
               ((memq sym '(bos string-start bot buffer-start)) '("\\`" . t))
               ((memq sym '(eos string-end eot buffer-end)) '("\\'" . t))
               ((eq sym 'point) '("\\=" . t))
               ((memq sym '(bow word-start)) '("\\<" . t))
               ((memq sym '(eow word-end)) '("\\>" . t))
               ((eq sym 'word-boundary) '("\\b" . t))
               ((eq sym 'not-word-boundary) '("\\B" . t))
               ((eq sym 'symbol-start) '("\\_<" . t))
               ((eq sym 'symbol-end) '("\\_>" . t))
               ((eq sym 'not-wordchar) '("\\W" . t)))))
    (cond
     (simple (cons (list (car simple)) (cdr simple)))
     ((eq sym 'unmatchable) (rx--empty))
     ((assq sym rx--char-classes)
      (cons (list (concat "[[:" (symbol-name (cdr (assq sym rx--char-classes)))
                          ":]]"))
            t))
     ((let ((expanded (rx--expand-def sym)))
        (and expanded (rx--translate expanded))))
     ((let ((entry (rx--compat-entry sym #'stringp)))
        (and entry (cons (list (cdr entry)) nil))))
     (t (error "Unknown rx symbol `%s'" sym)))))

(defun rx--compat-entry (name ok)
  "The `rx-constituents' entry for NAME whose value satisfies OK, or nil."
  (let ((entry (assq name rx-constituents)))
    (while (and entry (not (funcall ok (cdr entry))))
      (setq entry (if (symbolp (cdr entry))
                      (assq (cdr entry) rx-constituents)
                    (assq (car entry) (cdr (memq entry rx-constituents))))))
    entry))

(defun rx--sequence (left right)
  "Concatenate two translated items."
  (cond ((null (car left)) right)
        ((null (car right)) left)
        (t
         (let ((l (if (memq (cdr left) '(nil rseq))
                      (cons (rx--bracket (car left)) t)
                    left))
               (r (if (memq (cdr right) '(nil lseq))
                      (cons (rx--bracket (car right)) t)
                    right)))
           (cons (append (car l) (car r))
                 (cond ((eq (cdr l) 'lseq) (if (eq (cdr r) 'rseq) nil 'lseq))
                       ((eq (cdr r) 'rseq) 'rseq)
                       (t 'seq)))))))

(defun rx--translate-seq (body)
  (if body
      (let ((result (rx--translate (car body))))
        (dolist (x (cdr body))
          (setq result (rx--sequence result (rx--translate x))))
        result)
    (cons nil 'seq)))

(defun rx--every (pred list)
  (while (and list (funcall pred (car list)))
    (setq list (cdr list)))
  (null list))

(defun rx--normalise-or-arg (form)
  (cond ((characterp form) (char-to-string form))
        ((and (consp form) (memq (car form) '(or |)))
         (cons (car form) (mapcar #'rx--normalise-or-arg (cdr form))))
        ((and (consp form) (eq (car form) 'eval))
         (rx--normalise-or-arg (rx--expand-eval (cdr form))))
        (t (let ((expanded (rx--expand-def form)))
             (if expanded (rx--normalise-or-arg expanded) form)))))

(defun rx--all-string-or-args (body)
  (mapcan (lambda (form)
            (cond ((stringp form) (list form))
                  ((and (consp form) (memq (car form) '(or |)))
                   (rx--all-string-or-args (cdr form)))
                  (t (throw 'rx--nonstring nil))))
          body))

(defun rx--translate-or (body)
  (cond
   ((null body) (rx--empty))
   ((null (cdr body)) (rx--translate (car body)))
   (t
    (let* ((args (mapcar #'rx--normalise-or-arg body))
           (strings (catch 'rx--nonstring (rx--all-string-or-args args))))
      (cond
       (strings (cons (list (regexp-opt strings nil)) t))
       ((rx--every #'rx--charset-p args) (rx--translate-union nil args))
       (t (cons (append (car (rx--translate (car args)))
                        (mapcan (lambda (item)
                                  (cons "\\|" (car (rx--translate item))))
                                (cdr args)))
                nil)))))))

(defun rx--charset-p (form)
  (or (and (consp form)
           (or (and (memq (car form) '(any in char))
                    (rx--every (lambda (x) (not (symbolp x))) (cdr form)))
               (and (memq (car form) '(not or | intersection))
                    (rx--every #'rx--charset-p (cdr form)))))
      (characterp form)
      (and (stringp form) (= (length form) 1))
      (and (or (symbolp form) (consp form))
           (let ((expanded (rx--expand-def form)))
             (and expanded (rx--charset-p expanded))))))

(defun rx--string-to-intervals (str)
  "Intervals of an `any' string argument, in reverse order of appearance."
  (let ((len (length str)) (i 0) (out nil))
    (while (< i len)
      (if (and (< i (- len 2)) (= (aref str (1+ i)) ?-))
          (let ((from (aref str i)) (to (aref str (+ i 2))))
            (cond ((and (<= from #x7f) (>= to #x3fff80))
                   (push (cons from #x7f) out)
                   (push (cons #x3fff80 to) out))
                  ((<= from to) (push (cons from to) out))
                  (t (error "Invalid rx `any' range: %s"
                            (substring str i (+ i 3)))))
            (setq i (+ i 3)))
        (push (cons (aref str i) (aref str i)) out)
        (setq i (1+ i))))
    out))

(defun rx--condense-intervals (ivs)
  "Merge overlapping or adjacent intervals of the sorted list IVS in place."
  (let ((tail ivs) next)
    (while (setq next (cdr tail))
      (if (>= (cdar tail) (1- (caar next)))
          (progn (setcdr (car tail) (max (cdar tail) (cdar next)))
                 (setcdr tail (cdr next)))
        (setq tail next)))
    ivs))

(defun rx--parse-any (body)
  "(INTERVALS . CLASSES) of the arguments BODY of an `any' form."
  (let ((classes nil) (strings nil) (conses nil))
    (dolist (arg body)
      (cond ((stringp arg) (push arg strings))
            ((and (consp arg) (characterp (car arg)) (characterp (cdr arg))
                  (<= (car arg) (cdr arg)))
             (push (cons (car arg) (cdr arg)) conses))
            ((characterp arg) (push (cons arg arg) conses))
            ((and (symbolp arg) (assq arg rx--char-classes))
             (let ((class (cdr (assq arg rx--char-classes))))
               (unless (memq class classes) (push class classes))))
            (t (error "Invalid rx `any' argument: %s" arg))))
    (cons (rx--condense-intervals
           (sort (append conses (mapcan #'rx--string-to-intervals strings))
                 (lambda (a b) (< (car a) (car b)))))
          (reverse classes))))

(defun rx--generate-alt (negated intervals classes)
  "A character alternative for INTERVALS and CLASSES (negated if NEGATED)."
  (let ((items (append intervals classes)))
    ;; A lone ] or a range ]-x goes first.
    (let ((rb (assq ?\] items)))
      (when rb (setq items (cons rb (delq rb items)))))
    ;; A range x-] is split so that the ] goes first.
    (let ((rb (rassq ?\] items)))
      (when (and rb (not (eq (car rb) ?\])))
        (setcdr rb ?\\)
        (setq items (cons (cons ?\] ?\]) items))))
    ;; ,-- would come out as ,-: split it.
    (let ((d (rassq ?- items)))
      (when (eq (car d) ?,)
        (setcdr d ?,)
        (setq items (nconc items (list (cons ?- ?-))))))
    ;; A - goes last: drop a lone one, turn --x into .-x.
    (let ((d (assq ?- items)))
      (when d
        (if (eq (cdr d) ?-)
            (setq items (delq d items))
          (setcar d ?.))
        (setq items (nconc items (list (cons ?- ?-))))))
    ;; A leading ^ or ^-x moves to second place.
    (when (and (consp (car items)) (eq (caar items) ?^) (cdr items))
      (setq items (cons (cadr items) (cons (car items) (cddr items)))))
    (cond
     ((null items)
      (if negated (rx--translate-symbol 'anything) (rx--empty)))
     ((and (null (cdr items)) (consp (car items))
           (eq (caar items) (cdar items)) (not negated))
      (cons (list (regexp-quote (char-to-string (caar items)))) t))
     ((and negated (equal items '((?\n . ?\n))))
      (rx--translate-symbol 'nonl))
     (t
      (cons (list (concat "[" (and negated "^")
                          (mapconcat
                           (lambda (item)
                             (cond ((symbolp item) (format "[:%s:]" item))
                                   ((eq (car item) (cdr item))
                                    (char-to-string (car item)))
                                   ((eq (1+ (car item)) (cdr item))
                                    (string (car item) (cdr item)))
                                   (t (string (car item) ?- (cdr item)))))
                           items "")
                          "]"))
            t)))))

(defun rx--translate-any (negated body)
  (let ((parsed (rx--parse-any body)))
    (rx--generate-alt negated (car parsed) (cdr parsed))))

(defun rx--intervals-to-alt (negated intervals)
  (if (rx--every (lambda (iv) (not (<= (car iv) #x3ffeff (cdr iv)))) intervals)
      (rx--generate-alt negated intervals nil)
    (rx--generate-alt (not negated) (rx--complement-intervals intervals) nil)))

(defun rx--translate-not (negated body)
  (unless (and body (null (cdr body)))
    (error "rx `not' form takes exactly one argument"))
  (let ((arg (car body)))
    (cond
     ((and (consp arg)
           (let ((op (car arg)) (rest (cdr arg)))
             (cond ((memq op '(any in char)) (rx--translate-any (not negated) rest))
                   ((eq op 'syntax) (rx--translate-syntax (not negated) rest))
                   ((eq op 'category) (rx--translate-category (not negated) rest))
                   ((eq op 'not) (rx--translate-not (not negated) rest))
                   ((memq op '(or |)) (rx--translate-union (not negated) rest))
                   ((eq op 'intersection)
                    (rx--translate-intersection (not negated) rest))))))
     ((and (symbolp arg) (assq arg rx--char-classes))
      (rx--generate-alt (not negated) nil
                        (list (cdr (assq arg rx--char-classes)))))
     ((eq arg 'word-boundary)
      (rx--translate-symbol (if negated 'word-boundary 'not-word-boundary)))
     ((characterp arg)
      (rx--generate-alt (not negated) (list (cons arg arg)) nil))
     ((and (stringp arg) (= (length arg) 1))
      (let ((c (string-to-char arg)))
        (rx--generate-alt (not negated) (list (cons c c)) nil)))
     ((let ((expanded (rx--expand-def arg)))
        (and expanded (rx--translate-not negated (list expanded)))))
     (t (error "Illegal argument to rx `not': %S" arg)))))

(defun rx--complement-intervals (intervals)
  (let ((out nil) (c 0))
    (dolist (iv intervals)
      (when (< c (car iv)) (push (cons c (1- (car iv))) out))
      (setq c (1+ (cdr iv))))
    (when (< c rx--max-char) (push (cons c rx--max-char) out))
    (nreverse out)))

(defun rx--intersect-intervals (as bs)
  (let ((out nil))
    (while (and as bs)
      (let ((a (car as)) (b (car bs)))
        (cond ((< (cdr a) (car b)) (setq as (cdr as)))
              ((> (car a) (cdr b)) (setq bs (cdr bs)))
              (t
               (push (cons (max (car a) (car b)) (min (cdr a) (cdr b))) out)
               (setq as (cdr as) bs (cdr bs))
               (cond ((< (cdr a) (cdr b)) (push (cons (1+ (cdr a)) (cdr b)) bs))
                     ((> (cdr a) (cdr b)) (push (cons (1+ (cdr b)) (cdr a)) as)))))))
    (nreverse out)))

(defun rx--union-intervals (as bs)
  (rx--complement-intervals
   (rx--intersect-intervals (rx--complement-intervals as)
                            (rx--complement-intervals bs))))

(defun rx--charset-intervals (cs)
  (cond
   ((and (consp cs) (memq (car cs) '(any in char)))
    (let ((parsed (rx--parse-any (cdr cs))))
      (when (cdr parsed)
        (error "Character class not permitted in set operations: %S"
               (cadr parsed)))
      (car parsed)))
   ((and (consp cs) (eq (car cs) 'not) (consp (cdr cs)) (null (cddr cs)))
    (rx--complement-intervals (rx--charset-intervals (cadr cs))))
   ((and (consp cs) (memq (car cs) '(or |))) (rx--charset-union (cdr cs)))
   ((and (consp cs) (eq (car cs) 'intersection))
    (rx--charset-intersection (cdr cs)))
   ((characterp cs) (list (cons cs cs)))
   ((and (stringp cs) (= (length cs) 1))
    (let ((c (string-to-char cs))) (list (cons c c))))
   (t (let ((expanded (rx--expand-def cs)))
        (if expanded
            (rx--charset-intervals expanded)
          (error "Bad character set: %S" cs))))))

(defun rx--charset-union (charsets)
  (let ((acc nil))
    (dolist (cs charsets)
      (setq acc (rx--union-intervals acc (rx--charset-intervals cs))))
    acc))

(defun rx--charset-intersection (charsets)
  (let ((acc (list (cons 0 rx--max-char))))
    (dolist (cs charsets)
      (setq acc (rx--intersect-intervals acc (rx--charset-intervals cs))))
    acc))

(defun rx--translate-union (negated body)
  (rx--intervals-to-alt negated (rx--charset-union body)))

(defun rx--translate-intersection (negated body)
  (rx--intervals-to-alt negated (rx--charset-intersection body)))

(defun rx--translate-counted (min max body)
  (let ((operand (rx--translate-seq body)))
    (if (car operand)
        (cons (append (rx--atomic operand)
                      (list (concat "\\{" (number-to-string min)
                                    (cond ((null max) ",")
                                          ((< min max)
                                           (concat "," (number-to-string max))))
                                    "\\}")))
              t)
      operand)))

(defun rx--check-repeat-arg (name min-args body)
  (unless (>= (length body) min-args)
    (error "rx `%s' requires at least %d argument%s"
           name min-args (if (= min-args 1) "" "s")))
  (unless (natnump (car body))
    (error "rx `%s' first argument must be nonnegative" name)))

(defun rx--translate-bounded (name body)
  (let ((min (car body)) (max (cadr body)))
    (unless (and (natnump min) (natnump max) (<= min max))
      (error "rx `%s' range error" name))
    (rx--translate-counted min max (cddr body))))

(defun rx--translate-rep (op greedy body)
  (let ((operand (rx--translate-seq body)))
    (if (car operand)
        (cons (append (rx--atomic operand)
                      (list (concat op (unless greedy "?"))))
              'seq)
      operand)))

(defun rx--translate-group (body)
  (cons (append (list "\\(") (car (rx--translate-seq body)) (list "\\)")) t))

(defun rx--translate-group-n (body)
  (unless (and (integerp (car body)) (> (car body) 0))
    (error "rx `group-n' requires a positive number as first argument"))
  (cons (append (list (concat "\\(?" (number-to-string (car body)) ":"))
                (car (rx--translate-seq (cdr body)))
                (list "\\)"))
        t))

(defun rx--translate-backref (body)
  (unless (and (= (length body) 1) (integerp (car body)) (<= 1 (car body) 9))
    (error "rx `backref' requires an argument in the range 1..9"))
  (cons (list "\\" (number-to-string (car body))) t))

(defconst rx--syntax-codes
  '((whitespace . ?-) (punctuation . ?.) (word . ?w) (symbol . ?_)
    (open-parenthesis . ?\() (close-parenthesis . ?\))
    (expression-prefix . ?\') (string-quote . ?\")
    (paired-delimiter . ?$) (escape . ?\\) (character-quote . ?/)
    (comment-start . ?<) (comment-end . ?>)
    (string-delimiter . ?|) (comment-delimiter . ?!)))

(defun rx--translate-syntax (negated body)
  (unless (and body (null (cdr body)))
    (error "rx `syntax' form takes exactly one argument"))
  (let* ((sym (car body))
         (code (cdr (assq sym rx--syntax-codes))))
    (unless code
      (cond ((and (characterp sym) (rassq sym rx--syntax-codes))
             (setq code sym))
            ((and (symbolp sym) (= (length (symbol-name sym)) 1)
                  (rassq (string-to-char (symbol-name sym)) rx--syntax-codes))
             (setq code (string-to-char (symbol-name sym)))))
      (unless code (error "Unknown rx syntax name `%s'" sym)))
    (cons (list (string ?\\ (if negated ?S ?s) code)) t)))

(defconst rx--categories
  '((space-for-indent . ?\s) (base . ?.) (consonant . ?0) (base-vowel . ?1)
    (upper-diacritical-mark . ?2) (lower-diacritical-mark . ?3)
    (tone-mark . ?4) (symbol . ?5) (digit . ?6)
    (vowel-modifying-diacritical-mark . ?7) (vowel-sign . ?8)
    (semivowel-lower . ?9) (not-at-end-of-line . ?<)
    (not-at-beginning-of-line . ?>) (alpha-numeric-two-byte . ?A)
    (chinese-two-byte . ?C) (chinse-two-byte . ?C) (greek-two-byte . ?G)
    (japanese-hiragana-two-byte . ?H) (indian-two-byte . ?I)
    (japanese-katakana-two-byte . ?K) (strong-left-to-right . ?L)
    (korean-hangul-two-byte . ?N) (strong-right-to-left . ?R)
    (cyrillic-two-byte . ?Y) (combining-diacritic . ?^) (ascii . ?a)
    (arabic . ?b) (chinese . ?c) (ethiopic . ?e) (greek . ?g) (korean . ?h)
    (indian . ?i) (japanese . ?j) (japanese-katakana . ?k) (latin . ?l)
    (lao . ?o) (tibetan . ?q) (japanese-roman . ?r) (thai . ?t)
    (vietnamese . ?v) (hebrew . ?w) (cyrillic . ?y) (can-break . ?|)))

(defun rx--translate-category (negated body)
  (unless (and body (null (cdr body)))
    (error "rx `category' form takes exactly one argument"))
  (let* ((arg (car body))
         (cat (cond ((symbolp arg)
                     (or (cdr (assq arg rx--categories))
                         (error "Unknown rx category `%s'" arg)))
                    ((characterp arg) arg)
                    (t (error "Invalid rx `category' argument `%s'" arg)))))
    (cons (list (string ?\\ (if negated ?C ?c) cat)) t)))

(defun rx--translate-literal (body)
  (unless (and body (null (cdr body)))
    (error "rx `literal' form takes exactly one argument"))
  (let ((arg (car body)))
    (cond ((stringp arg)
           (cons (list (regexp-quote arg)) (if (= (length arg) 1) t 'seq)))
          (rx--delayed-evaluation (cons (list (list 'regexp-quote arg)) 'seq))
          (t (error "rx `literal' form with non-string argument")))))

(defun rx--expand-eval (body)
  (unless (and body (null (cdr body)))
    (error "rx `eval' form takes exactly one argument"))
  (eval (car body)))

(defvar rx--regexp-atomic-regexp nil)

(defun rx--translate-regexp (body)
  (unless (and body (null (cdr body)))
    (error "rx `regexp' form takes exactly one argument"))
  (let ((arg (car body)))
    (cond ((stringp arg)
           (unless rx--regexp-atomic-regexp
             (setq rx--regexp-atomic-regexp
                   (rx-to-string
                    '(seq bos
                          (or (seq "[" (opt "^") (opt "]")
                                   (* (or (seq "[:" (+ (any "a-z")) ":]")
                                          (not (any "]"))))
                                   "]")
                              (not (any "*+?^$[\\"))
                              (seq "\\"
                                   (or anything
                                       (seq (any "sScC_") anything)
                                       (seq "("
                                            (* (or (not (any "\\"))
                                                   (seq "\\" (not (any ")")))))
                                            "\\)"))))
                          eos)
                    t)))
           (cons (list arg)
                 (if (string-match-p rx--regexp-atomic-regexp arg) t nil)))
          (rx--delayed-evaluation (cons (list arg) nil))
          (t (error "rx `regexp' form with non-string argument")))))

(defun rx--translate-compat-form (def form)
  "Translate FORM by the old-style `rx-constituents' definition DEF."
  (let ((fn (nth 0 def)) (min-args (nth 1 def)) (max-args (nth 2 def))
        (predicate (nth 3 def)) (nargs (1- (length form))))
    (when (< nargs min-args)
      (error "The `%s' form takes at least %d argument(s)" (car form) min-args))
    (when (and max-args (> nargs max-args))
      (error "The `%s' form takes at most %d argument(s)" (car form) max-args))
    (when (and predicate (not (rx--every predicate (cdr form))))
      (error "The `%s' form requires arguments satisfying `%s'"
             (car form) predicate))
    (let ((regexp (funcall fn form)))
      (unless (stringp regexp)
        (error "The `%s' form did not expand to a string" (car form)))
      (cons (list regexp) nil))))

(defun rx--translate-form (form)
  (let ((op (car form)) (body (cdr form)))
    (cond
     ((memq op '(seq : and sequence)) (rx--translate-seq body))
     ((memq op '(or |)) (rx--translate-or body))
     ((memq op '(any in char)) (rx--translate-any nil body))
     ((eq op 'not-char) (rx--translate-any t body))
     ((eq op 'not) (rx--translate-not nil body))
     ((eq op 'intersection) (rx--translate-intersection nil body))
     ((eq op 'repeat)
      (rx--check-repeat-arg 'repeat 2 body)
      (if (= (length body) 2)
          (rx--translate-counted (car body) (car body) (cdr body))
        (rx--translate-bounded 'repeat body)))
     ((eq op '=)
      (rx--check-repeat-arg '= 1 body)
      (rx--translate-counted (car body) (car body) (cdr body)))
     ((eq op '>=)
      (rx--check-repeat-arg '>= 1 body)
      (rx--translate-counted (car body) nil (cdr body)))
     ((eq op '**)
      (rx--check-repeat-arg '** 2 body)
      (rx--translate-bounded '** body))
     ((memq op '(zero-or-more 0+)) (rx--translate-rep "*" rx--greedy body))
     ((memq op '(one-or-more 1+)) (rx--translate-rep "+" rx--greedy body))
     ((memq op '(zero-or-one opt optional))
      (rx--translate-rep "?" rx--greedy body))
     ((eq op '*) (rx--translate-rep "*" t body))
     ((eq op '+) (rx--translate-rep "+" t body))
     ((or (eq op '\?) (eq op ?\s)) (rx--translate-rep "?" t body))
     ((eq op '*?) (rx--translate-rep "*" nil body))
     ((eq op '+?) (rx--translate-rep "+" nil body))
     ((or (eq op '\??) (eq op ??)) (rx--translate-rep "?" nil body))
     ((eq op 'minimal-match)
      (let ((rx--greedy nil)) (rx--translate-seq body)))
     ((eq op 'maximal-match)
      (let ((rx--greedy t)) (rx--translate-seq body)))
     ((memq op '(group submatch)) (rx--translate-group body))
     ((memq op '(group-n submatch-n)) (rx--translate-group-n body))
     ((eq op 'backref) (rx--translate-backref body))
     ((eq op 'syntax) (rx--translate-syntax nil body))
     ((eq op 'not-syntax) (rx--translate-syntax t body))
     ((eq op 'category) (rx--translate-category nil body))
     ((eq op 'literal) (rx--translate-literal body))
     ((eq op 'eval) (rx--translate (rx--expand-eval body)))
     ((memq op '(regexp regex)) (rx--translate-regexp body))
     ((not (symbolp op)) (error "Bad rx operator `%S'" op))
     ((let ((expanded (rx--expand-def form)))
        (and expanded (rx--translate expanded))))
     ((let ((entry (rx--compat-entry op #'consp)))
        (and entry (rx--translate-compat-form (cdr entry) form))))
     (t (error "Unknown rx form `%s'" op)))))

(defun rx--translate (item)
  (cond
   ((stringp item)
    (if (= (length item) 0)
        (cons nil 'seq)
      (cons (list (regexp-quote item)) (if (= (length item) 1) t 'seq))))
   ((characterp item) (cons (list (regexp-quote (char-to-string item))) t))
   ((symbolp item) (rx--translate-symbol item))
   ((consp item) (rx--translate-form item))
   (t (error "Bad rx expression: %S" item))))

(defun rx-to-string (form &optional no-group)
  "Translate FORM from `rx' sexp syntax into a string regexp.
Unless NO-GROUP, bracket a non-atomic result in a shy group."
  (let ((item (rx--translate form)))
    (apply #'concat (if no-group (car item) (rx--atomic item)))))

(defun rx--to-expr (form)
  "A Lisp expression yielding the regexp of the rx form FORM."
  (let* ((rx--delayed-evaluation t)
         (parts (car (rx--translate form)))
         (args nil))
    (while parts
      (let ((strings nil))
        (while (and parts (stringp (car parts)))
          (push (car parts) strings)
          (setq parts (cdr parts)))
        (let ((s (apply #'concat (nreverse strings))))
          (unless (= (length s) 0) (push s args))))
      (when parts
        (push (car parts) args)
        (setq parts (cdr parts))))
    (cond ((null args) "")
          ((cdr args) (cons 'concat (nreverse args)))
          (t (car args)))))

(defmacro rx (&rest regexps)
  "Translate the rx forms REGEXPS (a sequence) into a regexp string."
  (rx--to-expr (cons 'seq regexps)))

(defun rx--make-binding (name tail)
  (cond ((not (symbolp name)) (error "Bad `rx' definition name: %S" name))
        ((and (cdr tail) (listp (car tail)))
         (list name (car tail) (cadr tail)))
        (t (list name (car tail)))))

(defmacro rx-define (name &rest definition)
  "Define NAME as an rx construct: (rx-define NAME [ARGS] RX)."
  `(eval-and-compile
     (put ',name 'rx-definition ',(cdr (rx--make-binding name definition)))
     ',name))

(defmacro rx-let-eval (bindings &rest body)
  "Evaluate BODY with the rx definitions of the value of BINDINGS in effect."
  `(let ((rx--local-definitions
          (append (mapcar (lambda (b) (rx--make-binding (car b) (cdr b)))
                          ,bindings)
                  rx--local-definitions)))
     ,@body))

(defmacro rx-let (bindings &rest body)
  "Evaluate BODY with the local rx definitions BINDINGS in effect.
Here the definitions are expanded into the `rx' forms of BODY."
  (let ((rx--local-definitions
         (append (mapcar (lambda (b) (rx--make-binding (car b) (cdr b)))
                         bindings)
                 rx--local-definitions)))
    (macroexpand-all (cons 'progn body)
                     (cons (cons 'rx (lambda (&rest r)
                                       (rx--to-expr (cons 'seq r))))
                           macroexpand-all-environment))))

(provide 'rx)

;;; rx.el ends here
