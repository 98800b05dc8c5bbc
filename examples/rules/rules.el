;;; rules.el --- pricing rules for examples/rules_engine.rs  -*- lexical-binding: t -*-

;; The host gives us `stock-level' (SKU -> integer or nil) and
;; `log-decision' (any number of strings).  Everything else is Lisp.

(defvar rules-discounts
  (let ((h (make-hash-table :test 'equal)))
    (puthash "gold" 15 h)
    (puthash "silver" 5 h)
    h)
  "Discount percent by customer tier.")

(defun rules-price (sku base tier)
  "The price of SKU at BASE cents for a customer of TIER."
  (let* ((stock (stock-level sku))
         (discount (gethash tier rules-discounts 0))
         (scarce (and stock (< stock 5)))
         (price (/ (* base (- 100 discount)) 100)))
    (when scarce
      (setq price (/ (* price 110) 100)))
    (log-decision sku tier (format "stock=%s discount=%d%% scarce=%s" stock discount scarce))
    price))

(provide 'rules)
