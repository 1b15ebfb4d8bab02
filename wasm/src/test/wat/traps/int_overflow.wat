;; TRAP: i32.div_s of INT_MIN by -1 (the quotient 2^31 is not representable).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (i32.div_s (i32.const 0x80000000) (i32.sub (i32.load (i32.const 0)) (i32.const 1))))
    (call $ok_v1))
)
