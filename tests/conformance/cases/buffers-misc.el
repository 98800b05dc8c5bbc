;;; -*- lexical-binding: t -*-
;; Smaller buffer functions: delete-and-extract-region,
;; insert-buffer-substring, newline, back-to-indentation.
(with-temp-buffer
  (insert "  indented line\nsecond")
  (print (list (delete-and-extract-region 3 11) (buffer-string) (point)
               (delete-and-extract-region 2 2)
               (condition-case e (delete-and-extract-region 0 100) (error (car e)))))
  (goto-char 6)
  (back-to-indentation)
  (print (point))
  (goto-char (point-max))
  (newline)
  (newline 2)
  (insert "x")
  (print (list (buffer-string) (point)))
  (let ((src (current-buffer)))
    (with-temp-buffer
      (insert "<")
      (insert-buffer-substring src 3 8)
      (insert-buffer-substring src)
      (insert ">")
      (print (buffer-string)))))
