;;; -*- lexical-binding: t -*-
;; ERT: skipped tests (skip-unless, ert-skip) count apart.
(require 'ert)
(defun backtrace-to-string (&rest _) "")
(ert-deftest ert-s-skip-unless () (skip-unless (= 1 2)) (error "not reached"))
(ert-deftest ert-s-skip-unless-ok () (skip-unless (= 1 1)) (should t))
(ert-deftest ert-s-ert-skip () (ert-skip "not on this system"))
(ert-deftest ert-s-skip-later () (should t) (ert-skip '(reason 1)))
(ert-deftest ert-s-fail () (should (= 1 0)))
(ert-run-tests-batch-and-exit)
