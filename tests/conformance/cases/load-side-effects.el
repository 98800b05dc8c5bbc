;;; -*- lexical-binding: t -*-
;; Each load evaluates the file again.
(setq load-path (cons "lib" load-path))
(load "returns" nil t)
(print returns-log)
(load "returns" nil t)
(print returns-log)
(load "lexical-check" nil t)
(print lexical-check-result)
(print (funcall (lexical-check-make 'again)))
