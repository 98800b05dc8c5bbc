;;; regexp.el --- regexp functions written in Lisp in Emacs  -*- lexical-binding: t -*-

;; The built-ins (string-match, match-data, replace-match, ...) are in
;; src/interp/builtins/regexp.rs. What follows is Emacs 28.2's own code
;; from subr.el and regexp-opt.el, unchanged except where noted.

(defconst regexp-unmatchable "\\`a\\`"
  "Standard regexp guaranteed not to match any string at all.")

(defmacro save-match-data (&rest body)
  "Execute the BODY forms, restoring the global value of the match data."
  (declare (indent 0) (debug t))
  (list 'let
	'((save-match-data-internal (match-data)))
	(list 'unwind-protect
	      (cons 'progn body)
	      '(set-match-data save-match-data-internal 'evaporate))))

(defun match-string (num &optional string)
  "Return the string of text matched by the previous search or regexp operation."
  (if (match-beginning num)
      (if string
	  (substring string (match-beginning num) (match-end num))
	(buffer-substring (match-beginning num) (match-end num)))))

(defun match-string-no-properties (num &optional string)
  "Return string of text matched by last search, without text properties."
  (if (match-beginning num)
      (if string
	  (substring-no-properties string (match-beginning num)
				   (match-end num))
	(buffer-substring-no-properties (match-beginning num)
					(match-end num)))))

(defun replace-regexp-in-string (regexp rep string &optional
					fixedcase literal subexp start)
  "Replace all matches for REGEXP with REP in STRING."
  (let ((l (length string))
	(start (or start 0))
	matches str mb me)
    (save-match-data
      (while (and (< start l) (string-match regexp string start))
	(setq mb (match-beginning 0)
	      me (match-end 0))
	;; If we matched the empty string, make sure we advance by one char
	(when (= me mb) (setq me (min l (1+ mb))))
	;; Generate a replacement for the matched substring.
	;; Operate on only the substring to minimize string consing.
        ;; Translate the match data so that it applies to the matched substring.
        (match-data--translate (- mb))
        (setq str (substring string mb me))
	(setq matches
	      (cons (replace-match (if (stringp rep)
				       rep
				     (funcall rep (match-string 0 str)))
				   fixedcase literal str subexp)
		    (cons (substring string start mb) ; unmatched prefix
			  matches)))
	(setq start me))
      ;; Reconstruct a string from the pieces.
      (setq matches (cons (substring string start l) matches)) ; leftover
      (apply #'concat (nreverse matches)))))

;;; regexp-opt.el

(defun regexp-opt (strings &optional paren)
  "Return a regexp to match a string in the list STRINGS."
  (save-match-data
    (let* ((open (cond ((stringp paren) paren) (paren "\\(")))
	   (re (if strings
                   (regexp-opt-group
                    (delete-dups (sort (copy-sequence strings) 'string-lessp))
                    (or open t) (not open))
                 (concat (or open "\\(?:") regexp-unmatchable "\\)"))))
      (cond ((eq paren 'words)
	     (concat "\\<" re "\\>"))
	    ((eq paren 'symbols)
	     (concat "\\_<" re "\\_>"))
	    (t re)))))

(defun regexp-opt-depth (regexp)
  "Return the depth of REGEXP (its number of non-shy groups).
Unlike Emacs, a `\\(' inside a bracket expression is counted too."
  (save-match-data
    (string-match regexp "")
    (let ((count 0) (start 0))
      (while (string-match "\\\\\\(\\\\*\\)(\\(\\?[0-9]*:\\)?" regexp start)
	(setq start (match-end 0))
	(when (and (not (match-beginning 2))
		   (= (% (- (match-end 1) (match-beginning 1)) 2) 0))
	  (setq count (1+ count))))
      count)))

(defun regexp-opt--common-prefix (strings)
  "The longest common prefix of STRINGS (`try-completion' with \"\")."
  (let ((prefix (car strings)))
    (dolist (s (cdr strings))
      (let ((n (min (length prefix) (length s))) (i 0))
        (while (and (< i n) (eq (aref prefix i) (aref s i)))
          (setq i (1+ i)))
        (setq prefix (substring prefix 0 i))))
    prefix))

(defun regexp-opt--starting-with (prefix strings)
  "The members of STRINGS that start with PREFIX (`all-completions')."
  (let ((out nil))
    (dolist (s strings)
      (when (string-prefix-p prefix s) (push s out)))
    (nreverse out)))

(defun regexp-opt-group (strings &optional paren lax)
  "Return a regexp to match a string in the sorted list STRINGS."
  (let* ((open-group (cond ((stringp paren) paren) (paren "\\(?:") (t "")))
	 (close-group (if paren "\\)" ""))
	 (open-charset (if lax "" open-group))
	 (close-charset (if lax "" close-group)))
    (cond
     ((= (length strings) 0)
      "")
     ((= (length strings) 1)
      (if (= (length (car strings)) 1)
	  (concat open-charset (regexp-quote (car strings)) close-charset)
	(concat open-group (regexp-quote (car strings)) close-group)))
     ((= (length (car strings)) 0)
      (concat open-charset
	      (regexp-opt-group (cdr strings) t t) "?"
	      close-charset))
     ((and (= (length (car strings)) 1)
	   (let ((strs (cdr strings)))
	     (while (and strs (/= (length (car strs)) 1))
	       (pop strs))
	     strs))
      (let (letters rest)
	(dolist (s strings)
	  (if (= (length s) 1) (push (string-to-char s) letters) (push s rest)))
	(if rest
	    (concat open-group
		    (regexp-opt-group (nreverse rest))
		    "\\|" (regexp-opt-charset letters)
		    close-group)
	  (concat open-charset
		  (regexp-opt-charset letters)
		  close-charset))))
     (t
      (let ((prefix (regexp-opt--common-prefix strings)))
	(if (> (length prefix) 0)
	    (let* ((n (length prefix))
		   (suffixes (mapcar (lambda (s) (substring s n)) strings)))
	      (concat open-group
		      (regexp-quote prefix)
		      (regexp-opt-group suffixes t t)
		      close-group))
	  (let* ((sgnirts (mapcar #'reverse strings))
		 (xiffus (regexp-opt--common-prefix sgnirts)))
	    (if (> (length xiffus) 0)
		(let* ((n (- (length xiffus)))
		       (prefixes
			(sort (mapcar (lambda (s) (substring s 0 n)) strings)
			      'string-lessp)))
		  (concat open-group
			  (regexp-opt-group prefixes t t)
			  (regexp-quote (nreverse xiffus))
			  close-group))
	      (let* ((char (substring-no-properties (car strings) 0 1))
		     (half1 (regexp-opt--starting-with char strings))
		     (half2 (nthcdr (length half1) strings)))
		(concat open-group
			(regexp-opt-group half1)
			"\\|" (regexp-opt-group half2)
			close-group))))))))))

(defun regexp-opt-charset (chars)
  "Return a regexp to match a character in CHARS.
Emacs walks a char-table; this walks the sorted characters, which
gives the same ranges."
  (let* ((start -1) (end -2)
	 (charset "")
	 (bracket "") (dash "") (caret "")
         (sorted nil))
    (dolist (char chars)
      (cond
       ((eq char ?\])
	(setq bracket "]"))
       ((eq char ?^)
	(setq caret "^"))
       ((eq char ?-)
	(setq dash "-"))
       (t
	(push char sorted))))
    (setq sorted (delete-dups (sort sorted #'<)))
    (dolist (c sorted)
      (if (= (1- c) end) (setq end c)
        (if (> end (+ start 2))
	    (setq charset (format "%s%c-%c" charset start end))
	  (while (>= end start)
	    (setq charset (format "%s%c" charset start))
	    (setq start (1+ start))))
        (setq start c end c)))
    (when (>= end start)
      (if (> end (+ start 2))
	  (setq charset (format "%s%c-%c" charset start end))
	(while (>= end start)
	  (setq charset (format "%s%c" charset start))
	  (setq start (1+ start)))))
    (let* ((all (concat bracket charset caret dash))
           (n (length all)))
      (cond ((= n 0) regexp-unmatchable)
            ((= n 1) (regexp-quote all))
            ((string-equal all "^-") "[-^]")
            (t (concat "[" all "]"))))))

(provide 'regexp-opt)

;;; split-string: Emacs 28's subr.el code, so that the match data it leaves
;;; (and its reading of them between matches) are Emacs's.

(defconst split-string-default-separators "[ \f\t\n\r\v]+"
  "The default value of separators for `split-string'.")

(defun split-string (string &optional separators omit-nulls trim)
  "Split STRING into substrings bounded by matches for SEPARATORS."
  (let* ((keep-nulls (not (if separators omit-nulls t)))
         (rexp (or separators split-string-default-separators))
         (start 0)
         this-start this-end
         notfirst
         (list nil)
         (push-one
          ;; Push the substring in range THIS-START to THIS-END
          ;; onto LIST, trimming it and perhaps discarding it.
          (lambda ()
            (when trim
              ;; Discard the trim from start of this substring.
              (let ((tem (string-match trim string this-start)))
                (and (eq tem this-start)
                     (setq this-start (match-end 0)))))

            (when (or keep-nulls (< this-start this-end))
              (let ((this (substring string this-start this-end)))

                ;; Discard the trim from end of this substring.
                (when trim
                  (let ((tem (string-match (concat trim "\\'") this 0)))
                    (and tem (< tem (length this))
                         (setq this (substring this 0 tem)))))

                ;; Trimming could make it empty; check again.
                (when (or keep-nulls (> (length this) 0))
                  (push this list)))))))

    (while (and (string-match rexp string
                              (if (and notfirst
                                       (= start (match-beginning 0))
                                       (< start (length string)))
                                  (1+ start) start))
                (< start (length string)))
      (setq notfirst t)
      (setq this-start start this-end (match-beginning 0)
            start (match-end 0))

      (funcall push-one))

    ;; Handle the substring at the end of STRING.
    (setq this-start start this-end (length string))
    (funcall push-one)

    (nreverse list)))
