;;; -*- lexical-binding: t -*-
;; Helper: signals an error while being loaded.
(defvar signals-before 'set-before-error)
(error "Error while loading: %d" 42)
(defvar signals-after 'never-set)
