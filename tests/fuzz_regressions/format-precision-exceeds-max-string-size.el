;;; -*- lexical-binding: t -*-
(list (condition-case e (format "%.4611686018427387904d" 0) (error e))
             (condition-case e (format "%.235355989055d" 0) (error e))
             (condition-case e (format "%0084.4444444444444444444444444444o" 0) (error e)))
