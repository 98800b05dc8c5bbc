;;; -*- lexical-binding: t -*-
;; Word frequencies sorted by count then word.
(let* ((text "the quick brown fox jumps over the lazy dog the fox")
       (h (make-hash-table :test 'equal))
       (pairs nil))
  (dolist (w (split-string text)) (puthash w (1+ (gethash w h 0)) h))
  (maphash (lambda (k v) (push (cons k v) pairs)) h)
  (setq pairs (sort pairs (lambda (a b) (or (> (cdr a) (cdr b))
                                            (and (= (cdr a) (cdr b)) (string< (car a) (car b)))))))
  (dolist (p pairs) (princ (format "%s %d\n" (car p) (cdr p)))))
