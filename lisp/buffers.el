;;; buffers.el --- what Emacs writes in Lisp around buffers  -*- lexical-binding: t -*-

;; The buffer primitives are built in (src/interp/builtins/buffers.rs and
;; buffer_search.rs); these are the definitions Emacs's subr.el,
;; replace.el and isearch.el build on them.

(define-error 'search-failed "Search failed")
(define-error 'beginning-of-buffer "Beginning of buffer")
(define-error 'end-of-buffer "End of buffer")
(define-error 'buffer-read-only "Buffer is read-only")

(defmacro with-current-buffer (buffer-or-name &rest body)
  "Execute the forms in BODY with BUFFER-OR-NAME temporarily current."
  (declare (indent 1) (debug t))
  `(save-current-buffer
     (set-buffer ,buffer-or-name)
     ,@body))

(defun generate-new-buffer (name &optional inhibit-buffer-hooks)
  "Create and return a buffer with a name based on NAME."
  (get-buffer-create (generate-new-buffer-name name) inhibit-buffer-hooks))

(defmacro with-temp-buffer (&rest body)
  "Create a temporary buffer, and evaluate BODY there like `progn'."
  (declare (indent 0) (debug t))
  (let ((temp-buffer (make-symbol "temp-buffer")))
    `(let ((,temp-buffer (generate-new-buffer " *temp*" t)))
       ;; `kill-buffer' can change current-buffer in some odd cases.
       (with-current-buffer ,temp-buffer
         (unwind-protect
	     (progn ,@body)
           (and (buffer-name ,temp-buffer)
                (kill-buffer ,temp-buffer)))))))

(defmacro with-output-to-string (&rest body)
  "Execute BODY, return the text it sent to `standard-output', as a string."
  (declare (indent 0) (debug t))
  `(let ((standard-output (generate-new-buffer " *string-output*" t)))
     (unwind-protect
	 (progn
	   (let ((standard-output standard-output))
	     ,@body)
	   (with-current-buffer standard-output
	     (buffer-string)))
       (kill-buffer standard-output))))

(defun looking-back (regexp &optional limit greedy)
  "Return non-nil if text before point matches regular expression REGEXP."
  (let ((start (point))
        (pos
         (save-excursion
           (and (re-search-backward (concat "\\(?:" regexp "\\)\\=") limit t)
                (point)))))
    (if (and greedy pos)
        (save-restriction
          (narrow-to-region (point-min) start)
          (while (and (> pos (point-min))
                      (save-excursion
                        (goto-char pos)
                        (backward-char 1)
                        (looking-at (concat "\\(?:"  regexp "\\)\\'"))))
            (setq pos (1- pos)))
          (save-excursion
            (goto-char pos)
            (looking-at (concat "\\(?:"  regexp "\\)\\'")))))
    (not (null pos))))

(defvar search-upper-case 'not-yanks
  "If non-nil, upper case chars disable case fold searching.")

(defun isearch-no-upper-case-p (string regexp-flag)
  "Return t if there are no upper case chars in STRING."
  (let (quote-flag (i 0) (len (length string)) found)
    (while (and (not found) (< i len))
      (let ((char (aref string i)))
	(if (and regexp-flag (eq char ?\\))
	    (setq quote-flag (not quote-flag))
	  (if (and (not quote-flag) (not (eq char (downcase char))))
	      (setq found t))
	  (setq quote-flag nil)))
      (setq i (1+ i)))
    (not (or found
             (and regexp-flag (string-match "\\[:\\(upp\\|low\\)er:]" string)
                  (condition-case err
                      (progn
                        (string-match (substring string 0 (match-beginning 0))
                                      "")
                        nil)
                    (invalid-regexp
                     (equal "Unmatched [ or [^" (cadr err)))))))))

(defun how-many (regexp &optional rstart rend interactive)
  "Return the number of matches for REGEXP following point (or in RSTART..REND)."
  (save-excursion
    (if rstart
        (if rend
            (progn
              (goto-char (min rstart rend))
              (setq rend (max rstart rend)))
          (goto-char rstart)
          (setq rend (point-max)))
      (setq rstart (point)
	    rend (point-max))
      (goto-char rstart))
    (let ((count 0)
	  (case-fold-search
	   (if (and case-fold-search search-upper-case)
	       (isearch-no-upper-case-p regexp t)
	     case-fold-search)))
      (while (and (< (point) rend)
		  (re-search-forward regexp rend t))
        ;; Ensure forward progress on zero-length matches like "^$".
        (when (and (= (match-beginning 0) (match-end 0))
                   (not (eobp)))
          (forward-char 1))
	(setq count (1+ count)))
      (when interactive (message (if (= count 1) "%d occurrence" "%d occurrences")
				 count))
      count)))

(defalias 'count-matches 'how-many)

(defun insert-buffer-substring (buffer &optional start end)
  "Insert before point a substring of the contents of BUFFER."
  (insert (with-current-buffer buffer
            (buffer-substring (or start (point-min)) (or end (point-max))))))

(defun newline (&optional arg _interactive)
  "Insert a newline (ARG of them)."
  (insert (make-string (prefix-numeric-value arg) ?\n))
  nil)

(defun prefix-numeric-value (raw)
  "Return numeric meaning of raw prefix argument RAW."
  (cond ((null raw) 1) ((eq raw '-) -1) ((consp raw) (car raw)) (t raw)))

(defun back-to-indentation ()
  "Move point to the first non-whitespace character on this line."
  (beginning-of-line 1)
  (skip-chars-forward " \t" (line-end-position))
  nil)

;; `print' and friends write to a buffer given as PRINTCHARFUN (or as
;; `standard-output'); `write-char' is one more of them.
(defun write-char (char &optional printcharfun)
  "Output character CHAR to stream PRINTCHARFUN; return CHAR."
  (unless (characterp char) (signal 'wrong-type-argument (list 'characterp char)))
  (princ (char-to-string char) printcharfun)
  char)

;; Not a buffer function, but Emacs's is in C and fill.el needs it.
(defun char-equal (c1 c2)
  "Return t if two characters match, optionally ignoring case (`case-fold-search')."
  (unless (characterp c1) (signal 'wrong-type-argument (list 'characterp c1)))
  (unless (characterp c2) (signal 'wrong-type-argument (list 'characterp c2)))
  (or (eq c1 c2)
      (and case-fold-search (eq (downcase c1) (downcase c2)))))

;;; buffers.el ends here

(defun count-lines (start end &optional _ignore-invisible-lines)
  "Return the number of lines between START and END (as Emacs's simple.el:
newlines, plus one for a last line without one)."
  (save-excursion
    (save-restriction
      (narrow-to-region start end)
      (goto-char (point-min))
      (- (buffer-size) (forward-line (buffer-size))))))

(defun line-number-at-pos (&optional position absolute)
  "Return the line number at POSITION (default point), counted from the
start of the accessible portion, or of the buffer if ABSOLUTE. POSITION
must lie in the accessible portion (Emacs 28 signals otherwise)."
  (let ((pos (or position (point))))
    (unless (integerp pos)
      (signal 'wrong-type-argument (list 'fixnump pos)))
    (when (or (< pos (point-min)) (> pos (point-max)))
      (signal 'args-out-of-range (list pos (point-min) (point-max))))
    (let ((start (if absolute 1 (point-min)))
          (n 1))
      (let ((text (save-restriction
                    (widen)
                    (buffer-substring-no-properties start pos))))
        (dotimes (i (length text))
          (when (eq (aref text i) ?\n)
            (setq n (1+ n)))))
      n)))
