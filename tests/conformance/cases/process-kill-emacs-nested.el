;;; -*- lexical-binding: t -*-
;; kill-emacs from inside functions, catch and condition-case.
(defun stop () (kill-emacs 7))
(condition-case nil
    (catch 'x
      (unwind-protect
          (progn (princ "in body\n") (stop))
        (princ "unwind form\n")))
  (error (princ "handler\n")))
(princ "not reached\n")
