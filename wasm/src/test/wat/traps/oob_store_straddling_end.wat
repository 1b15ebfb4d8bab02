;; TRAP: a 4-byte store whose first two bytes are the last two bytes of memory: partly in
;; bounds is still out of bounds, and no byte may be written.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (i32.store (i32.sub (i32.shl (memory.size) (i32.const 16)) (i32.const 2)) (i32.const -1))
    (call $ok_v1))
)
