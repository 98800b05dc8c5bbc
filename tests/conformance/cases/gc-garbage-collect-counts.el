;;; -*- lexical-binding: t -*-
;; An explicit (garbage-collect) counts once in gcs-done, and gc-elapsed
;; stays a float that does not go down.
(let ((n gcs-done) (e gc-elapsed))
  (garbage-collect)
  (print (- gcs-done n))
  (print (floatp gc-elapsed))
  (print (>= gc-elapsed e))
  (garbage-collect)
  (garbage-collect)
  (print (- gcs-done n)))
