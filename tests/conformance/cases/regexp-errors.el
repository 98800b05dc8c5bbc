;;; -*- lexical-binding: t -*-
;; Invalid regexps signal invalid-regexp with Emacs's messages.
(dolist (re '("\\(" "\\)" "[a" "[[:foo:]]" "a\\{2,1\\}" "a\\{1" "a\\{1,2"
              "a\\{70000\\}" "\\" "\\1" "\\(a\\1\\)" "\\_x" "\\(?3" "\\(?x:a\\)"
              "\\(?0:a\\)" "a\\{1,x\\}" "\\(?:" "[]" "[^]" "\\C" "\\s"
              "\\(?:a\\|b\\))"))
  (print (list re (condition-case e (string-match re "abc") (invalid-regexp (list 'invalid e))))))
(print (condition-case e (replace-regexp-in-string "\\(" "x" "abc") (error e)))
(print (condition-case e (split-string "abc" "[") (error e)))
(print (get 'invalid-regexp 'error-conditions))
(print (condition-case e (string-match "\\(?:a\\|b\\)*c" (make-string 1000000 ?a)) (error e)))
(print (string-match "\\(?:a\\|b\\)*c" (make-string 3000 ?a)))
(print (string-match "a*c" (make-string 3000 ?a)))
(setq backtrace-on-error-noninteractive nil)
(string-match "[[:bogus:]]" "x")
