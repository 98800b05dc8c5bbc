;;; -*- lexical-binding: t -*-
;; error, user-error and message translate `like this' and ' into curly quotes
;; (format does not).
(print (condition-case e (error "Don't `do' that") (error (cadr e))))
(print (condition-case e (user-error "Can't `%s'" 'x) (error (cadr e))))
(print (format "Don't `do' that"))
(print (message "It's `quoted'"))
(print (condition-case e (error "%s" "Arg's `text' is not translated") (error (cadr e))))
(print (condition-case e (no-such-function-here) (error (error-message-string e))))
(print (condition-case e no-such-variable-here (error (error-message-string e))))
(print (length (condition-case e (error "`'") (error (cadr e)))))
