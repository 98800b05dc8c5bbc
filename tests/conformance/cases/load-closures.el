;;; -*- lexical-binding: t -*-
;; Closures defined at the top level of a loaded file keep their state.
(setq load-path (cons "lib" load-path))
(require 'counter-lib)
(print (counter-lib-next))
(print (counter-lib-next))
(require 'counter-lib)
(print (counter-lib-next))
(print counter-lib-loads)
