;; a block with a parameter has a type-index block type (multi-value), in function 0
(module
  (func (result i32)
    i32.const 1
    block (param i32) (result i32)
      i32.const 2
      i32.add
    end))
