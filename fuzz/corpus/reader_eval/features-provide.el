;;; -*- lexical-binding: t -*-
;; provide, featurep, features.
(print (featurep 'my-feature))
(print (provide 'my-feature))
(print (featurep 'my-feature))
(print (eq (car features) 'my-feature))
(print (not (null (memq 'my-feature features))))
(provide 'my-feature)
(print (eq (car features) (quote my-feature)))
(print (featurep 'never-provided-feature))
(print (condition-case e (provide "string") (error e)))
