;;; -*- lexical-binding: t -*-
(list (condition-case e (format "%4611686018427387904o" 1) (error e))
      (condition-case e (format "%3333333333333d" 1) (error e))
      (condition-case e (format "%33865337499f" 1.0) (error e))
      (condition-case e (format "%333333333333333333333333333333333s" "x") (error e)))
