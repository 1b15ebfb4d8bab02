;; TRAP: i64.rem_s by zero.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (i64.rem_s (i64.const 7) (i64.load (i32.const 0))))
    (call $ok_v1))
)
