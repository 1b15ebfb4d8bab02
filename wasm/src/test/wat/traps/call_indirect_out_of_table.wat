;; TRAP: call_indirect with index 5 in a 2-slot table.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (type $unop (func (param i32) (result i32)))
  (table 2 2 funcref)
  (elem (i32.const 0) $id $id)
  (func $id (param i32) (result i32) (local.get 0))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (call_indirect (type $unop) (i32.const 1) (i32.const 5)))
    (call $ok_v1))
)
