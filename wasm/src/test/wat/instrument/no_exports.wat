;; a function but no global, export or memory section
(module
  (func (result i32)
    i32.const 1))
