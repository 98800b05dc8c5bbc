;;; -*- lexical-binding: t -*-
;; An error while loading propagates; forms before it took effect.
(setq load-path (cons "lib" load-path))
(print (condition-case e (load "signals" nil t) (error e)))
(print signals-before)
(print (boundp 'signals-after))
