;;; -*- lexical-binding: t -*-
;; ERT: ert-info messages in failure reports.
(require 'ert)
(defun backtrace-to-string (&rest _) "")
(ert-deftest ert-i-one () (ert-info ("checking one") (should (= 1 2))))
(ert-deftest ert-i-nested ()
  (ert-info ("outer")
    (ert-info ((format "inner %d" 2) :prefix "Step: ")
      (should-not t))))
(ert-deftest ert-i-multiline () (ert-info ("line one\nline two") (car 1)))
(ert-deftest ert-i-passes () (ert-info ("never shown") (should t)))
(ert-deftest ert-i-after () (ert-info ("left") (should t)) (should nil))
(ert-run-tests-batch-and-exit)
