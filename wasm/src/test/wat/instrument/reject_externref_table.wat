;; a table of externref (0x6F): reference types
(module
  (table 1 externref))
