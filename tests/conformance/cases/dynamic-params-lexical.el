;;; -*- lexical-binding: t -*-
;; Function parameters are always lexical, even for defvar'ed names.
(defvar dp 'global)
(defun read-dp () dp)
(defun param-dp (dp) (read-dp))
(print (param-dp 'from-param))
(defun let-dp (v) (let ((dp v)) (read-dp)))
(print (let-dp 'from-let))
(let ((f (lambda (dp) (read-dp)))) (print (funcall f 'lambda-param)))
(defun param-closure (dp) (lambda () dp))
(print (funcall (param-closure 'captured)))
(defun param-value (dp) dp)
(print (param-value 'own))
(print dp)
