;;; heap.el --- a heap of about HEAP-MB megabytes of live data  -*- lexical-binding: t -*-
;; Mirrors `heap_program' in benches/common/heaps.rs: long lists, many
;; strings and vectors, and one big hash table. Set `heap-mb' first.
(defvar heap-mb 10)
(defvar bench-lists nil)
(defvar bench-strings nil)
(defvar bench-vectors nil)
(let ((units (max 1 (/ (+ (* heap-mb 1000) 549) 550))))
  (defvar bench-table (make-hash-table :test 'equal :size (* units 2000)))
  (dotimes (u units)
    (push (number-sequence 1 20000) bench-lists)
    (dotimes (i 2000) (push (format "string %d of unit %d with some text" i u) bench-strings))
    (dotimes (i 500) (push (make-vector 12 u) bench-vectors))
    (dotimes (i 2000) (puthash (format "k%d-%d" u i) (cons u i) bench-table))))
