;;; -*- lexical-binding: t -*-
;; A lower max-lisp-eval-depth takes effect at once (in a let, by setq).
(defun depth-probe (n) (if (= n 0) 0 (1+ (depth-probe (1- n)))))
;; Lowered by `let': deep recursion fails, shallow recursion works.
(princ (format "%S\n" (condition-case e (let ((max-lisp-eval-depth 200)) (depth-probe 100)) (error e))))
(princ (format "%S\n" (let ((max-lisp-eval-depth 200)) (depth-probe 30))))
;; The binding is undone: the default limit is back.
(princ (format "%S %S\n" max-lisp-eval-depth (depth-probe 200)))
;; Lowered by `setq', then raised again.
(setq max-lisp-eval-depth 150)
(princ (format "%S\n" (condition-case e (depth-probe 200) (error (car e)))))
(setq max-lisp-eval-depth 800)
(princ (format "%S\n" (depth-probe 200)))
