;; HOSTILE: unbounded recursion through call_indirect (the function calls itself via table slot 0),
;; so a limiter that only instruments direct calls misses it. Must end with call_depth_exceeded.
(module
;;@include lib/gas_rt.wat
  (type $unop (func (param i32) (result i32)))
  (table 1 1 funcref)
  (elem (i32.const 0) $self)
  (func $self (param $n i32) (result i32)
    (call_indirect (type $unop) (i32.add (local.get $n) (i32.const 1)) (i32.const 0)))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (call_indirect (type $unop) (i32.const 0) (i32.const 0)))
    (i32.const 16))
)
