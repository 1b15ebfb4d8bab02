;; TRAP: i32.div_u by zero (the divisor comes from memory so nothing can fold it).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (i32.div_u (i32.const 7) (i32.load (i32.const 0))))   ;; address 0 holds 0
    (call $ok_v1))
)
