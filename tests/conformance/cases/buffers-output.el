;;; -*- lexical-binding: t -*-
;; Printing to a buffer: with-output-to-string, PRINTCHARFUN a buffer.
(print (with-output-to-string (princ "hello ") (prin1 '(1 "two")) (print 3) (terpri) (write-char ?x)))
(with-temp-buffer
  (let ((b (current-buffer)))
    (insert "ab")
    (goto-char 2)
    (princ "XY" b)
    (print 'sym b)
    (print (list (point) (buffer-string)))))
(let ((b (generate-new-buffer "out")))
  (kill-buffer b)
  (print (condition-case e (princ "x" b) (error e))))
