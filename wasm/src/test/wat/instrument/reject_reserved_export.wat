;; exports a function under a name the instrumentation reserves
(module
  (func (export "gas_limit") (result i32)
    i32.const 0))
