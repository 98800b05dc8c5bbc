;;; -*- lexical-binding: t -*-
;; Using catch for break and continue.
(print (let ((i 0))
         (catch 'break
           (while t
             (setq i (1+ i))
             (when (>= i 10) (throw 'break i))))))
(let ((odd nil))
  (dolist (x '(1 2 3 4 5 6 7))
    (catch 'continue
      (when (= 0 (% x 2)) (throw 'continue nil))
      (push x odd)))
  (print (nreverse odd)))
(print (catch 'done (dotimes (i 100) (when (= (* i i) 49) (throw 'done i)))))
