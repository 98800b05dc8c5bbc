;;; -*- lexical-binding: t -*-
;; Custom errors via put error-conditions / error-message.
(put 'my-error 'error-conditions '(my-error error))
(put 'my-error 'error-message "My error happened")
(put 'my-sub-error 'error-conditions '(my-sub-error my-error error))
(put 'my-sub-error 'error-message "Sub error")
(print (condition-case e (signal 'my-error '(1 2)) (my-error e)))
(print (condition-case e (signal 'my-sub-error '(x)) (my-error (list 'parent-caught e))))
(print (condition-case e (signal 'my-sub-error '(x)) (error (list 'error-caught e))))
(print (condition-case e (signal 'my-error nil) (my-sub-error 'wrong) (error 'right)))
(print (condition-case e (signal 'my-error '("str" 2)) (error (error-message-string e))))
(print (condition-case e (signal 'my-sub-error nil) (error (error-message-string e))))
