;;; -*- lexical-binding: t -*-
;; Buffers and non-local exits: nested temporary buffers, errors and throws
;; out of them, save-excursion and save-restriction on the way out.
(defvar seen nil)
(print (with-temp-buffer
         (insert "outer")
         (let ((outer (current-buffer)))
           (list (with-temp-buffer
                   (insert "inner")
                   (push (current-buffer) seen)
                   (list (buffer-string) (eq outer (current-buffer))))
                 (buffer-string)
                 (eq outer (current-buffer))))))
(print (list (buffer-live-p (car seen)) (buffer-name)))
(print (condition-case e
           (with-temp-buffer
             (push (current-buffer) seen)
             (insert "abc")
             (goto-char 2)
             (save-excursion
               (goto-char (point-max))
               (error "Failed at %d" (point))))
         (error (list e (buffer-live-p (car seen)) (buffer-name)))))
(with-temp-buffer
  (insert "0123456789")
  (goto-char 5)
  (print (list (catch 'done
                 (save-excursion
                   (goto-char 1)
                   (insert "ab")
                   (throw 'done (point))))
               (point)))
  (print (list (condition-case nil
                   (save-restriction
                     (narrow-to-region 3 6)
                     (goto-char (point-min))
                     (delete-char 1)
                     (signal 'wrong-type-argument '(x)))
                 (wrong-type-argument (list (point-min) (point-max))))
               (buffer-string) (point)))
  (let ((b (current-buffer)))
    (print (list (with-current-buffer (get-buffer-create "aux")
                   (insert "aux text")
                   (prog1 (buffer-string) (kill-buffer b)))
                 (buffer-live-p b) (buffer-name))))
  (kill-buffer "aux"))
(print (save-current-buffer
         (set-buffer (get-buffer-create "x"))
         (prog1 (buffer-name) (kill-buffer "x"))))
(print (buffer-name))
(setq backtrace-on-error-noninteractive nil)
(with-temp-buffer
  (insert "text")
  (goto-char (point-min))
  (forward-char 10))
