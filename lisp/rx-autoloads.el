;;; rx-autoloads.el --- rx's autoloaded entry points  -*- lexical-binding: t -*-

;; Emacs autoloads `rx', `rx-to-string', `rx-define', `rx-let' and
;; `rx-let-eval' (`(featurep 'rx)' is nil in `emacs -Q'). These stubs
;; stand in for the autoloads: the first use requires `rx' (lisp/rx.el,
;; embedded in the binary), which redefines them, then does what the real
;; definition does. A start that never uses rx neither reads nor dumps it.

(defmacro rx (&rest regexps)
  "Translate the rx forms REGEXPS into a regexp string (autoloads `rx')."
  (require 'rx)
  (cons 'rx regexps))

(defun rx-to-string (form &optional no-group)
  "Translate FORM from `rx' syntax into a string regexp (autoloads `rx')."
  (require 'rx)
  (rx-to-string form no-group))

(defmacro rx-define (name &rest definition)
  "Define NAME as an rx construct (autoloads `rx')."
  (declare (indent defun))
  (require 'rx)
  (cons 'rx-define (cons name definition)))

(defmacro rx-let (bindings &rest body)
  "Evaluate BODY with local rx definitions BINDINGS (autoloads `rx')."
  (declare (indent 1))
  (require 'rx)
  (cons 'rx-let (cons bindings body)))

(defmacro rx-let-eval (bindings &rest body)
  "Evaluate BODY with the rx definitions of BINDINGS' value (autoloads `rx')."
  (declare (indent 1))
  (require 'rx)
  (cons 'rx-let-eval (cons bindings body)))

;;; rx-autoloads.el ends here
