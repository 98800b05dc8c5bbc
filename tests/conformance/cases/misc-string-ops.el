;;; -*- lexical-binding: t -*-
;; Caesar cipher and string utilities.
(defun caesar (s k)
  (concat (mapcar (lambda (c)
                    (cond ((and (>= c ?a) (<= c ?z)) (+ ?a (mod (+ (- c ?a) k) 26)))
                          ((and (>= c ?A) (<= c ?Z)) (+ ?A (mod (+ (- c ?A) k) 26)))
                          (t c)))
                  s)))
(print (caesar "Hello, World!" 3))
(print (caesar (caesar "Hello, World!" 3) -3))
(defun count-char (c s) (let ((n 0)) (mapc (lambda (x) (when (= x c) (setq n (1+ n)))) s) n))
(print (count-char ?l "hello world"))
(print (mapconcat #'identity (reverse (split-string "one two three")) " "))
