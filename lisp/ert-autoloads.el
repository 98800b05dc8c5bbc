;;; ert-autoloads.el --- ERT's autoloaded entry points  -*- lexical-binding: t -*-

;; Emacs autoloads `ert-deftest', `ert-run-tests-batch' and
;; `ert-run-tests-batch-and-exit', so test files often omit
;; `(require 'ert)'. These stubs stand in for the autoloads: the first use
;; requires `ert' (lisp/ert.el, embedded in the binary), which redefines
;; them, then does what the real definition does.

(defmacro ert-deftest (&rest args)
  "Define an ERT test (autoloads `ert')."
  (declare (indent 2) (doc-string 3))
  (require 'ert)
  (cons 'ert-deftest args))

(defun ert-run-tests-batch (&optional selector)
  "Run ERT tests in batch mode (autoloads `ert')."
  (require 'ert)
  (ert-run-tests-batch selector))

(defun ert-run-tests-batch-and-exit (&optional selector)
  "Run ERT tests in batch mode, then exit (autoloads `ert')."
  (require 'ert)
  (ert-run-tests-batch-and-exit selector))

;;; ert-autoloads.el ends here
