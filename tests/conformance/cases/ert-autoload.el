;;; -*- lexical-binding: t -*-
;; ERT without (require (quote ert)): ert-deftest and ert-run-tests-batch-and-exit are autoloaded.
(princ (format "before: %S\n" (featurep 'ert)))
(ert-deftest noreq () (should (= 1 (+ 0 1))))
(ert-deftest noreq2 () (should (equal "a" "b")))
(defun backtrace-to-string (&rest _) "")
(princ (format "after: %S\n" (featurep 'ert)))
(ert-run-tests-batch-and-exit)
