;;; -*- lexical-binding: t -*-
;; Helper: uses a macro defined by the loading file, expanded eagerly at load.
(defun macro-user-fn () (loader-macro))
