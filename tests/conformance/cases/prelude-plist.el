;;; -*- lexical-binding: t -*-
;; plist-get / plist-put / plist-member on symbol keys.
(let ((p (list 'a 1)))
  (setq p (plist-put p 'b 2))
  (setq p (plist-put p 'a 3))
  (print p)
  (print (plist-get p 'a))
  (print (plist-member p 'b))
  (print (plist-member p 'zz)))
(print (plist-get '(a nil b 2) 'a))
(print (plist-member '(a nil b 2) 'a))
