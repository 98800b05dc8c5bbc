;;; -*- lexical-binding: t -*-
;; gc-cons-threshold and gc-cons-percentage: defaults, setq, let, huge values.
(defun allocate (n)
  "Allocates N 1000-slot vectors of garbage; returns how many collections ran."
  (let ((gcs gcs-done))
    (dotimes (i n) (make-vector 1000 i))
    (- gcs-done gcs)))

(print (list gc-cons-threshold gc-cons-percentage))
(print (list (integerp gc-cons-threshold) (floatp gc-cons-percentage)))

;; A huge threshold: nothing overflows. (That nothing is collected is
;; checked by unit tests: MINILISP_GC_STRESS=1 collects anyway.)
(setq gc-cons-threshold most-positive-fixnum)
(print (= gc-cons-threshold most-positive-fixnum))
(print (natnump (allocate 10)))

;; let-bound, then restored.
(let ((gc-cons-threshold 100000)
      (gc-cons-percentage 0.5))
  (print (list gc-cons-threshold gc-cons-percentage))
  (print (> (allocate 1000) 0)))
(print (= gc-cons-threshold most-positive-fixnum))
(print gc-cons-percentage)

;; Back to Emacs's defaults.
(setq gc-cons-threshold 800000 gc-cons-percentage 0.1)
(print (> (allocate 1000) 0))
(print (list gc-cons-threshold gc-cons-percentage))
