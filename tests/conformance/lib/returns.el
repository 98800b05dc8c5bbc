;;; -*- lexical-binding: t -*-
;; Helper: top-level forms with side effects and a final value.
(defvar returns-log nil)
(push 'first returns-log)
(push 'second returns-log)
'last-form-value
