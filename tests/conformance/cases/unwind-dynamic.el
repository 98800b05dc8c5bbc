;;; -*- lexical-binding: t -*-
;; Dynamic bindings are restored before outer cleanup sees them.
(defvar uw 'global)
(let ((seen nil))
  (catch 'out
    (unwind-protect
        (let ((uw 'bound))
          (unwind-protect (throw 'out nil)
            (push (list 'inner uw) seen)))
      (push (list 'outer uw) seen)))
  (print (nreverse seen)))
(print uw)
