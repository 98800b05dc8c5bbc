;;; fill.el --- filling plain text, after Emacs 28's textmodes/fill.el  -*- lexical-binding: t -*-

;; `fill-region' and `fill-region-as-paragraph' as Emacs fills plain text
;; in Fundamental mode: paragraphs separated by blank lines, adaptive fill
;; prefixes, `sentence-end-double-space', left justification (which
;; changes nothing). The functions follow fill.el line by line, with these
;; differences: markers are minilisp's internal ones (`minilisp--marker'),
;; there are no text properties (`fill-space', hard newlines), no
;; character categories (no kinsoku breaking: a line breaks only at
;; spaces and tabs), paragraphs are found by blank lines only (a simple
;; `forward-paragraph'), and JUSTIFY other than `left'/`none'/nil is
;; treated as `left'.

(defvar fill-column 70 "Column beyond which automatic line-wrapping should happen.")
(defvar fill-prefix nil "String for filling to insert at front of new line, or nil for none.")
(defvar left-margin 0 "Column for the default `indent-line-function' to indent to.")
(defvar adaptive-fill-mode t "Non-nil means determine a paragraph's fill prefix from its text.")
(defvar adaptive-fill-regexp "[ \t]*\\([-–!|#%;>*·•‣⁃◦]+[ \t]*\\)*"
  "Regexp to match text at start of line that constitutes indentation.")
(defvar adaptive-fill-first-line-regexp "\\`[ \t]*\\'"
  "Regexp specifying whether to set fill prefix from a one-line paragraph.")
(defvar adaptive-fill-function #'ignore
  "Function to call to choose what fill prefix to use for a paragraph.")
(defvar paragraph-start "\f\\|[ \t]*$" "Regexp for beginning of a line that starts OR separates paragraphs.")
(defvar paragraph-separate "[ \t\f]*$" "Regexp for beginning of a line that separates paragraphs.")
(defvar sentence-end-double-space t "Non-nil means a single space does not end a sentence.")
(defvar sentence-end-without-period nil "Non-nil means a sentence will end without a period.")
(defvar sentence-end-without-space "。．？！"
  "String of characters that end sentence without following spaces.")
(defvar sentence-end-base "[.?!…‽][]\"'”’)}»›]*"
  "Regexp matching the basic end of a sentence, not including following space.")
(defvar sentence-end nil "Regexp describing the end of a sentence (nil: computed).")
(defvar colon-double-space nil "Non-nil means put two spaces after a colon when filling.")
(defvar comment-start-skip nil)
(defvar use-hard-newlines nil)
(defvar default-justification 'left)

(defun sentence-end ()
  "Return the regexp describing the end of a sentence."
  (or sentence-end
      (concat (if sentence-end-without-period "\\w[ \u00a0][ \u00a0]\\|")
	      "\\("
	      sentence-end-base
              (if sentence-end-double-space
                  "\\($\\|[ \u00a0]$\\|\t\\|[ \u00a0][ \u00a0]\\)" "\\($\\|[\t \u00a0]\\)")
              "\\|[" sentence-end-without-space "]+"
	      "\\)"
              "[ \u00a0\t\n]*")))

(defun current-fill-column () "The fill column." fill-column)
(defun current-left-margin () "The left margin." left-margin)
(defun current-justification () "How to justify." default-justification)

(defun string-width (string &optional from to)
  "Columns STRING takes (every character one column wide in minilisp)."
  (length (substring string (or from 0) to)))

(defun move-to-left-margin (&optional _n _force)
  "Move to the left margin of the current line."
  (beginning-of-line)
  (skip-chars-forward " \t" (+ (point) (current-left-margin)))
  (point))

(defun canonically-space-region (beg end)
  "Remove extra spaces between words in region."
  (let ((endm (minilisp--marker end t))
        (end-spc-re (concat "\\(" (sentence-end) "\\) *\\|  +")))
    (save-excursion
      (goto-char beg)
      (subst-char-in-region beg (minilisp--marker-position endm) ?\t ?\s)
      (while (and (< (point) (minilisp--marker-position endm))
		  (re-search-forward end-spc-re (minilisp--marker-position endm) t))
	(delete-region
	 (cond
	  ((and (match-end 1) (> (match-end 0) (match-end 1)))  (match-end 1))
	  ((match-end 1)
	   (min (match-end 0)
		(+ (if sentence-end-double-space 2 1)
		   (save-excursion (goto-char (match-end 0))
				   (skip-chars-backward " ")
				   (point)))))
	  (t
	   (+ (match-beginning 0)
	      (save-excursion
		(skip-chars-backward " ]})\"'")
		(cond ((and sentence-end-double-space
			    (or (memq (preceding-char) '(?. ?? ?!))
				(and sentence-end-without-period
				     (= (char-syntax (preceding-char)) ?w)))) 2)
		      ((and colon-double-space
			    (= (preceding-char) ?:))  2)
		      ((char-equal (preceding-char) ?\n)  0)
		      (t 1))))))
	 (match-end 0))))
    (minilisp--free-marker endm)))

(defun fill-common-string-prefix (s1 s2)
  "Return the longest common prefix of strings S1 and S2, or nil if none."
  (let ((cmp (compare-strings s1 nil nil s2 nil nil)))
    (if (eq cmp t)
	s1
      (setq cmp (1- (abs cmp)))
      (unless (zerop cmp)
	(substring s1 0 cmp)))))

(defun fill-match-adaptive-prefix ()
  (let ((str (or
              (and adaptive-fill-function (funcall adaptive-fill-function))
              (and adaptive-fill-regexp (looking-at adaptive-fill-regexp)
                   (match-string 0)))))
    (if (>= (+ (current-left-margin) (length str)) (current-fill-column))
        nil
      str)))

(defun fill-context-prefix (from to &optional first-line-regexp)
  "Compute a fill prefix from the text between FROM and TO."
  (or first-line-regexp
      (setq first-line-regexp adaptive-fill-first-line-regexp))
  (save-excursion
    (goto-char from)
    (if (eolp) (forward-line 1))
    (move-to-left-margin)
    (let (first-line-prefix
	  second-line-prefix)
      (setq first-line-prefix (fill-match-adaptive-prefix))
      (forward-line 1)
      (if (< (point) to)
          (progn
            (move-to-left-margin)
            (setq second-line-prefix
                  (cond ((looking-at paragraph-start) nil)
                        (t (fill-match-adaptive-prefix))))
            (when second-line-prefix
              (unless first-line-prefix (setq first-line-prefix ""))
              (let ((tmp second-line-prefix)
                    (re "\\`"))
                (while (string-match "\\`[ \t]*\\([^ \t]+\\)" tmp)
                  (setq re (concat re ".*" (regexp-quote (match-string 1 tmp))))
                  (setq tmp (substring tmp (match-end 0))))
                (if (string-match re first-line-prefix)
                    second-line-prefix
                  (fill-common-string-prefix first-line-prefix
                                             second-line-prefix)))))
	(if first-line-prefix
	    (let ((result
		   (if (or (and first-line-regexp
				(string-match first-line-regexp
					      first-line-prefix))
			   (and comment-start-skip
				(string-match comment-start-skip
					      first-line-prefix)))
		       first-line-prefix
		     (make-string (string-width first-line-prefix) ?\s))))
	      (if (not (eq 0 (string-match paragraph-start
					   (concat result "a"))))
		  result)))))))

(defun fill-nobreak-p ()
  "Return nil if breaking the line at point is allowed."
  (unless (bolp)
    (or
     (and sentence-end-double-space
	  (save-excursion
	    (skip-chars-backward " ")
	    (and (eq (preceding-char) ?.)
		 (looking-at " \\([^ ]\\|$\\)"))))
     (save-excursion
       (skip-chars-backward " ")
       (and (eq (preceding-char) ?.)
	    (not (progn (forward-char -1) (looking-at (sentence-end))))))
     (unless use-hard-newlines
       (save-excursion
	 (skip-chars-forward " \t")
	 (and (not (eolp))
	      (looking-at paragraph-start)))))))

(defun fill-delete-prefix (from tom prefix)
  "Delete the fill prefix from every line except the first.
TOM is an internal marker (`minilisp--marker') at the end."
  (let ((fpre (if (and prefix (not (string-match "\\`[ \t]*\\'" prefix)))
		  (concat "[ \t]*\\("
			  (replace-regexp-in-string
			   "[ \t]+" "[ \t]*"
			   (regexp-quote prefix))
			  "\\)?[ \t]*")
		"[ \t]*")))
    (goto-char from)
    (forward-line 1)
    (while (< (point) (minilisp--marker-position tom))
      (if (looking-at fpre)
          (delete-region (point) (match-end 0)))
      (forward-line 1))
    (goto-char from)
    (if (looking-at fpre)
	(goto-char (match-end 0)))
    (point)))

(defun fill-delete-newlines (from tom _justify nosqueeze squeeze-after)
  "Join the lines of FROM..TOM (an internal marker) with spaces."
  (goto-char from)
  ;; Make sure sentences ending at end of line get an extra space.
  (let ((eol-double-space-re
	 (cond
	  ((not colon-double-space) (concat (sentence-end) "$"))
	  ((string-match "\\[[^][]*\\(\\.\\)[^][]*\\]" (sentence-end))
	   (concat (replace-match ".:" nil nil (sentence-end) 1) "$"))
	  (t "[.?!:][])}\"']*$")))
	(sentence-end-without-space-list
	 (string-to-list sentence-end-without-space)))
    (while (re-search-forward eol-double-space-re (minilisp--marker-position tom) t)
      (or (>= (point) (minilisp--marker-position tom)) (memq (char-before) '(?\t ?\s))
	  (memq (char-after (match-beginning 0))
		sentence-end-without-space-list)
	  (insert ?\s))))
  (goto-char from)
  (skip-chars-forward " \t")
  ;; Then change all newlines to spaces.
  (subst-char-in-region from (minilisp--marker-position tom) ?\n ?\s)
  (if nosqueeze
      nil
    (canonically-space-region (or squeeze-after (point)) (minilisp--marker-position tom))
    (goto-char (minilisp--marker-position tom))
    (delete-char (- (skip-chars-backward " \t"))))
  (goto-char from))

(defun fill-move-to-break-point (linebeg)
  "Move to the position where the line should be broken."
  (if (> linebeg (point)) (goto-char linebeg))
  (while
      (when (re-search-backward "[ \t]" linebeg 0)
	(forward-char 1)
	(when (fill-nobreak-p) (skip-chars-backward " \t" linebeg))))
  (skip-chars-backward " \t")
  (if (>= linebeg (point))
      (let ((to (line-end-position))
	    (first t))
	(goto-char linebeg)
	(while (and (< (point) to) (or first (fill-nobreak-p)))
	  (skip-chars-forward " \t")
	  (goto-char (save-excursion
		       (skip-chars-forward "^ \n\t")
		       (point)))
	  (setq first nil)))))

(defun fill-indent-to-left-margin ()
  "Indent current line to the column given by `current-left-margin'."
  (beginning-of-line)
  (delete-region (point) (progn (skip-chars-forward " \t") (point)))
  (insert (make-string (current-left-margin) ?\s)))

(defun fill-newline ()
  ;; Replace whitespace here with one newline, then indent to left margin.
  (skip-chars-backward " \t")
  (insert ?\n)
  (fill-indent-to-left-margin)
  (and fill-prefix (not (equal fill-prefix ""))
       (insert fill-prefix)))

(defun fill-region-as-paragraph (from to &optional justify nosqueeze squeeze-after)
  "Fill the region as if it were a single paragraph."
  (unless (memq justify '(t nil none full center left right))
    (setq justify 'full))
  (goto-char (min from to))
  (setq to   (max from to))
  (skip-chars-forward " \t\n")
  (let ((from-plus-indent (point))
	(oneleft nil)
        tom)
    (beginning-of-line)
    (setq from (max (point) from))
    ;; Delete all but one soft newline at end of region.
    (goto-char to)
    (while (and (> (point) from) (eq ?\n (char-after (1- (point)))))
      (if oneleft
	  (delete-char -1)
	(backward-char 1)
	(setq oneleft t)))
    (setq tom (minilisp--marker (point) t))
    (goto-char from-plus-indent)
    (prog1
        (if (not (> (minilisp--marker-position tom) (point)))
            nil
          (or justify (setq justify (current-justification)))
          (let ((fill-prefix fill-prefix))
            (when (and adaptive-fill-mode
                       (or (null fill-prefix) (string= fill-prefix "")))
              (setq fill-prefix (fill-context-prefix from (minilisp--marker-position tom))))
            (goto-char from)
            (beginning-of-line)
            (if (memq justify '(none))
                nil
              (if (< (current-indentation) (current-left-margin))
                  (fill-indent-to-left-margin))
              (fill-delete-prefix from tom fill-prefix)
              (setq from (point))
              (fill-delete-newlines from tom justify nosqueeze squeeze-after)
              ;; This is the actual filling loop.
              (goto-char from)
              (let (linebeg)
                (while (< (point) (minilisp--marker-position tom))
                  (setq linebeg (point))
                  (move-to-column (current-fill-column))
                  (if (when (and (< (point) (minilisp--marker-position tom))
                                 (< linebeg (minilisp--marker-position tom)))
                        (unless (> (current-column) (current-fill-column))
                          (forward-char 1))
                        (fill-move-to-break-point linebeg)
                        (skip-chars-forward " \t")
                        (< (point) (minilisp--marker-position tom)))
                      (fill-newline)
                    (goto-char (minilisp--marker-position tom))))))
            (goto-char (minilisp--marker-position tom))
            (unless (eobp) (forward-char 1))
            fill-prefix))
      (minilisp--free-marker tom))))

(defun current-indentation ()
  "Return the indentation of the current line."
  (save-excursion
    (beginning-of-line)
    (skip-chars-forward " \t")
    (current-column)))

(defun fill--forward-paragraph (arg)
  "Move over paragraphs separated by blank lines (forward-paragraph, simply)."
  (if (> arg 0)
      (progn
        (while (and (not (eobp)) (progn (beginning-of-line) (looking-at paragraph-separate)))
          (forward-line 1))
        (while (and (not (eobp)) (progn (forward-line 1) (not (eobp)))
                    (not (looking-at paragraph-start)))))
    (beginning-of-line)
    (while (and (not (bobp)) (looking-at paragraph-separate))
      (forward-line -1))
    (while (and (not (bobp)) (not (looking-at paragraph-separate)))
      (forward-line -1))))

(defun fill-region (from to &optional justify nosqueeze to-eop)
  "Fill each of the paragraphs in the region."
  (unless (memq justify '(t nil none full center left right))
    (setq justify 'full))
  (let ((start-point (minilisp--marker (point)))
	max beg fill-pfx)
    (goto-char (max from to))
    (when to-eop
      (skip-chars-backward "\n")
      (fill--forward-paragraph 1))
    (setq max (minilisp--marker (point) t))
    (goto-char (setq beg (min from to)))
    (beginning-of-line)
    (while (< (point) (minilisp--marker-position max))
      (let ((initial (point))
	    end)
	(fill--forward-paragraph 1)
	(setq end (min (minilisp--marker-position max) (point)))
	(fill--forward-paragraph -1)
	(if (< (point) beg)
	    (goto-char beg))
	(if (and (>= (point) initial) (< (point) end))
	    (setq fill-pfx
		  (fill-region-as-paragraph (point) end justify nosqueeze))
	  (goto-char end))))
    (goto-char (minilisp--marker-position start-point))
    (minilisp--free-marker start-point)
    (minilisp--free-marker max)
    fill-pfx))

;;; fill.el ends here
