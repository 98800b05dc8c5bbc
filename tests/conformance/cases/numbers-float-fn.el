;;; -*- lexical-binding: t -*-
;; float and abs.
(print (float 1))
(print (float 1.5))
(print (float -3))
(print (abs -5))
(print (abs 5))
(print (abs -2.5))
(print (abs 0))
(print (abs -0.0))
(print (condition-case e (float "1") (error e)))
(print (condition-case e (abs 'x) (error e)))
(print (float 123456789))
(print (/ (float 1) 4))
