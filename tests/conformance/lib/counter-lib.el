;;; -*- lexical-binding: t -*-
;; Helper: a closure-based counter library (provides `counter-lib').
(let ((n 0))
  (defun counter-lib-next () (setq n (1+ n))))
(defvar counter-lib-loads 0)
(setq counter-lib-loads (1+ counter-lib-loads))
(provide 'counter-lib)
