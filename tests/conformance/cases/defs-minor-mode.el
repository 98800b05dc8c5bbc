;;; -*- lexical-binding: t -*-
;; define-minor-mode as batch code sees it, and subr.el list helpers.
(defmacro show (form)
  `(condition-case err
       (princ (format "%S -> %S\n" ',form ,form))
     (error (princ (format "%S signals %S\n" ',form err)))))

(defvar my-log nil)
(define-minor-mode my-mode
  "A test mode."
  :lighter " My" :group 'my
  (push (list 'body my-mode) my-log))
(show my-mode)
(show (boundp 'my-mode-hook))
(add-hook 'my-mode-hook (lambda () (push 'hook my-log)))
(show (progn (my-mode) my-mode))
(show (progn (my-mode 'toggle) my-mode))
(show (progn (my-mode 1) my-mode))
(show (progn (my-mode -1) my-mode))
(show (progn (my-mode 0) my-mode))
(show (reverse my-log))
(define-minor-mode my-global-mode "Doc." :global t :init-value t)
(show my-global-mode)
(show (progn (my-global-mode -1) my-global-mode))
(show (fboundp 'my-global-mode))

(show (funcall (apply-partially #'+ 1 2) 3 4))
(show (mapcar (apply-partially #'* 2) '(1 2 3)))
(show (assoc-default "b" '(("a" . 1) ("b" . 2))))
(show (assoc-default 'x '(x y) #'eq 'dflt))
(show (assoc-default "B" '(("a" . 1) ("b" . 2)) #'string-equal-ignore-case))
(show (assoc-default 3 '((1 . a) (5 . b)) #'<))
(show (assq-delete-all 'a (list '(a . 1) '(b . 2) '(a . 3) 'a)))
(show (assoc-delete-all "a" (list '("a" . 1) '("b" . 2))))
(show (assoc-delete-all 2 (list '(1 . a) '(3 . b)) #'<))
(show (rassq-delete-all 1 (list '(a . 1) '(b . 2) '(c . 1))))
