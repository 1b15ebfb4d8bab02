;; ref.null func (0xD0) in function 0
(module
  (func (result i32)
    ref.null func
    ref.is_null))
