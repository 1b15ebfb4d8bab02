;; a second table: reference types
(module
  (table 1 funcref)
  (table 1 funcref))
