;;; seq.el --- sequence functions for the minilisp prelude  -*- lexical-binding: t -*-

;; Emacs 28's seq.el for lists, vectors and strings, without the generic
;; function dispatch: each function is the default method with the list
;; specializations folded in, so results match Emacs's for these types.

(defmacro seq-doseq (spec &rest body)
  (declare (indent 1))
  `(seq-do (lambda (,(car spec))
             ,@body)
           ,(cadr spec)))

(defmacro pcase--flip (fun arg1 arg2)
  `(,fun ,arg2 ,arg1))

(pcase-defmacro seq (&rest patterns)
  `(and (pred seqp)
        ,@(seq--make-pcase-bindings patterns)))

(defmacro seq-let (args sequence &rest body)
  (declare (indent 2))
  `(pcase-let ((,(seq--make-pcase-patterns args) ,sequence))
     ,@body))

(defmacro seq-setq (args sequence)
  `(pcase-setq ,(seq--make-pcase-patterns args) ,sequence))

(defun seq-elt (sequence n) (elt sequence n))
(defun seq-length (sequence) (length sequence))
(defun seq-do (function sequence) (mapc function sequence))
(defun seqp (object) (sequencep object))
(defun seq-copy (sequence) (copy-sequence sequence))

(defun seq-first (sequence)
  (seq-elt sequence 0))

(defun seq-rest (sequence)
  (seq-drop sequence 1))

(defun seq-subseq (sequence start &optional end)
  (cond
   ((or (stringp sequence) (vectorp sequence)) (substring sequence start end))
   ((listp sequence)
    (let (len
          (errtext (format "Bad bounding indices: %s, %s" start end)))
      (and end (< end 0) (setq end (+ end (setq len (length sequence)))))
      (if (< start 0) (setq start (+ start (or len (setq len (length sequence))))))
      (unless (>= start 0)
        (error "%s" errtext))
      (when (> start 0)
        (setq sequence (nthcdr (1- start) sequence))
        (or sequence (error "%s" errtext))
        (setq sequence (cdr sequence)))
      (if end
          (let ((res nil))
            (while (and (>= (setq end (1- end)) start) sequence)
              (push (pop sequence) res))
            (or (= (1+ end) start) (error "%s" errtext))
            (nreverse res))
        (copy-sequence sequence))))
   (t (error "Unsupported sequence: %s" sequence))))

(defun seq-map (function sequence)
  (let (result)
    (seq-do (lambda (elt)
              (push (funcall function elt) result))
            sequence)
    (nreverse result)))

(defun seq-map-indexed (function sequence)
  (let ((index 0))
    (seq-map (lambda (elt)
               (prog1
                   (funcall function elt index)
                 (setq index (1+ index))))
             sequence)))

(defun seq-do-indexed (function sequence)
  (let ((index 0))
    (seq-do (lambda (elt)
              (funcall function elt index)
              (setq index (1+ index)))
            sequence))
  nil)

(defun seq-mapn (function sequence &rest sequences)
  (let ((result nil)
        (sequences (seq-map (lambda (s)
                              (seq-into s 'list))
                            (cons sequence sequences))))
    (while (not (memq nil sequences))
      (push (apply function (seq-map #'car sequences)) result)
      (setq sequences (seq-map #'cdr sequences)))
    (nreverse result)))

(defun seq-drop (sequence n)
  (if (listp sequence)
      (nthcdr n sequence)
    (if (<= n 0)
        sequence
      (let ((length (seq-length sequence)))
        (seq-subseq sequence (min n length) length)))))

(defun seq-take (sequence n)
  (if (listp sequence)
      (let ((result '()) (list sequence))
        (while (and list (> n 0))
          (setq n (1- n))
          (push (pop list) result))
        (nreverse result))
    (seq-subseq sequence 0 (min (max n 0) (seq-length sequence)))))

(defun seq--count-successive (pred sequence)
  (let ((n 0)
        (len (seq-length sequence)))
    (while (and (< n len)
                (funcall pred (seq-elt sequence n)))
      (setq n (+ 1 n)))
    n))

(defun seq-drop-while (pred sequence)
  (if (listp sequence)
      (let ((list sequence))
        (while (and list (funcall pred (car list)))
          (setq list (cdr list)))
        list)
    (seq-drop sequence (seq--count-successive pred sequence))))

(defun seq-take-while (pred sequence)
  (seq-take sequence (seq--count-successive pred sequence)))

(defun seq-empty-p (sequence)
  (if (listp sequence) (null sequence)
    (= 0 (seq-length sequence))))

(defun seq-sort (pred sequence)
  (if (listp sequence)
      (sort (seq-copy sequence) pred)
    (let ((result (seq-sort pred (append sequence nil))))
      (seq-into result (if (stringp sequence) 'string 'vector)))))

(defun seq-sort-by (function pred sequence)
  (seq-sort (lambda (a b)
              (funcall pred
                       (funcall function a)
                       (funcall function b)))
            sequence))

(defun seq-reverse (sequence)
  (reverse sequence))

(defun seq-concatenate (type &rest sequences)
  (pcase type
    ('vector (apply #'vconcat sequences))
    ('string (apply #'concat sequences))
    ('list (apply #'append (append sequences '(nil))))
    (_ (error "Not a sequence type name: %S" type))))

(defun seq-into-sequence (sequence) sequence)

(defun seq--into-list (sequence)
  (if (listp sequence)
      sequence
    (append sequence nil)))

(defun seq--into-vector (sequence)
  (if (vectorp sequence)
      sequence
    (vconcat sequence)))

(defun seq--into-string (sequence)
  (if (stringp sequence)
      sequence
    (concat sequence)))

(defun seq-into (sequence type)
  (pcase type
    (`vector (seq--into-vector sequence))
    (`string (seq--into-string sequence))
    (`list (seq--into-list sequence))
    (_ (error "Not a sequence type name: %S" type))))

(defun seq-filter (pred sequence)
  (let ((exclude (make-symbol "exclude")))
    (delq exclude (seq-map (lambda (elt)
                             (if (funcall pred elt)
                                 elt
                               exclude))
                           sequence))))

(defun seq-remove (pred sequence)
  (seq-filter (lambda (elt) (not (funcall pred elt)))
              sequence))

(defun seq-reduce (function sequence initial-value)
  (if (seq-empty-p sequence)
      initial-value
    (let ((acc initial-value))
      (seq-doseq (elt sequence)
        (setq acc (funcall function acc elt)))
      acc)))

(defun seq-every-p (pred sequence)
  (catch 'seq--break
    (seq-doseq (elt sequence)
      (or (funcall pred elt)
          (throw 'seq--break nil)))
    t))

(defun seq-some (pred sequence)
  (catch 'seq--break
    (seq-doseq (elt sequence)
      (let ((result (funcall pred elt)))
        (when result
          (throw 'seq--break result))))
    nil))

(defun seq-find (pred sequence &optional default)
  (catch 'seq--break
    (seq-doseq (elt sequence)
      (when (funcall pred elt)
        (throw 'seq--break elt)))
    default))

(defun seq-count (pred sequence)
  (let ((count 0))
    (seq-doseq (elt sequence)
      (when (funcall pred elt)
        (setq count (+ 1 count))))
    count))

(defun seq-contains-p (sequence elt &optional testfn)
  (catch 'seq--break
    (seq-doseq (e sequence)
      (when (funcall (or testfn #'equal) e elt)
        (throw 'seq--break t)))
    nil))

(defun seq-position (sequence elt &optional testfn)
  (let ((index 0))
    (catch 'seq--break
      (seq-doseq (e sequence)
        (when (funcall (or testfn #'equal) e elt)
          (throw 'seq--break index))
        (setq index (1+ index)))
      nil)))

(defun seq-uniq (sequence &optional testfn)
  (let ((result '()))
    (seq-doseq (elt sequence)
      (unless (seq-contains-p result elt testfn)
        (setq result (cons elt result))))
    (nreverse result)))

(defun seq-mapcat (function sequence &optional type)
  (apply #'seq-concatenate (or type 'list)
         (seq-map function sequence)))

(defun seq-partition (sequence n)
  (unless (< n 1)
    (let ((result '()))
      (while (not (seq-empty-p sequence))
        (push (seq-take sequence n) result)
        (setq sequence (seq-drop sequence n)))
      (nreverse result))))

(defun seq-intersection (sequence1 sequence2 &optional testfn)
  (seq-reduce (lambda (acc elt)
                (if (seq-contains-p sequence2 elt testfn)
                    (cons elt acc)
                  acc))
              (seq-reverse sequence1)
              '()))

(defun seq-difference (sequence1 sequence2 &optional testfn)
  (seq-reduce (lambda (acc elt)
                (if (seq-contains-p sequence2 elt testfn)
                    acc
                  (cons elt acc)))
              (seq-reverse sequence1)
              '()))

(defun seq-group-by (function sequence)
  (seq-reduce
   (lambda (acc elt)
     (let* ((key (funcall function elt))
            (cell (assoc key acc)))
       (if cell
           (setcdr cell (push elt (cdr cell)))
         (push (list key elt) acc))
       acc))
   (seq-reverse sequence)
   nil))

(defun seq-min (sequence)
  (apply #'min (seq-into sequence 'list)))

(defun seq-max (sequence)
  (apply #'max (seq-into sequence 'list)))

(defun seq--make-pcase-bindings (args)
  (let ((bindings '())
        (index 0)
        (rest-marker nil))
    (seq-doseq (name args)
      (unless rest-marker
        (pcase name
          (`&rest
           (progn (push `(app (pcase--flip seq-drop ,index)
                              ,(seq--elt-safe args (1+ index)))
                        bindings)
                  (setq rest-marker t)))
          (_
           (push `(app (pcase--flip seq--elt-safe ,index) ,name) bindings))))
      (setq index (1+ index)))
    bindings))

(defun seq--make-pcase-patterns (args)
  (cons 'seq
        (seq-map (lambda (elt)
                   (if (seqp elt)
                       (seq--make-pcase-patterns elt)
                     elt))
                 args)))

(defun seq--elt-safe (sequence n)
  (ignore-errors (seq-elt sequence n)))

;;; seq.el ends here
