;;; -*- lexical-binding: t -*-
;; An explicit (garbage-collect) is counted in gcs-done, and gc-elapsed
;; stays a float that does not go down. (The exact count, 1 per call, is
;; pinned in tests/embedding.rs: under MINILISP_GC_STRESS every
;; allocation collects too.)
(let ((n gcs-done) (e gc-elapsed))
  (garbage-collect)
  (print (>= (- gcs-done n) 1))
  (print (floatp gc-elapsed))
  (print (>= gc-elapsed e))
  (garbage-collect)
  (garbage-collect)
  (print (>= (- gcs-done n) 3)))
