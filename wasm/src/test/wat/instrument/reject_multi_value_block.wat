;; a block with a parameter has a block type by type index (1; multi-value), in function 0
(module
  (func (result i32)
    i32.const 1
    block (param i32) (result i32)
      i32.const 2
      i32.add
    end))
