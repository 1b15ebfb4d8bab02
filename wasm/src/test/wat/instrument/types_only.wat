;; a type section and nothing else
(module
  (type (func (param i32) (result i32))))
