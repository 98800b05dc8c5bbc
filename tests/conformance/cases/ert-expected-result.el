;;; -*- lexical-binding: t -*-
;; ERT: :expected-result, :tags and docstrings; ert-run-tests-batch with selectors.
(require 'ert)
(defun backtrace-to-string (&rest _) "")
(ert-deftest ert-x-known-bug ()
  "A known failure."
  :expected-result :failed
  :tags '(bugs)
  (should (= 1 2)))
(ert-deftest ert-x-fixed-bug ()
  :expected-result :failed
  (should (= 1 1)))
(ert-deftest ert-x-either () :expected-result t (error "whatever"))
(ert-deftest ert-x-computed () :expected-result (if t :failed :passed) (ert-fail "computed"))
(ert-deftest ert-x-plain () :tags '(quick) (should t))
(ert-deftest ert-x-plain () "Redefined." :tags '(quick) (should (= 2 2)))
(princ (format "unexpected: %S\n" (and (ert-run-tests-batch '(tag quick)) t)))
(ert-run-tests-batch "known")
(ert-run-tests-batch 'ert-x-either)
(ert-run-tests-batch '(not (tag bugs)))
(ert-run-tests-batch-and-exit)
