;; HOST db_write inside a v0.10 query(msg) (no env argument): read-only, must fail.
;; msg = the key; the value would be "x".
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (data (i32.const 1024) "x")
  (func (export "cosmwasm_vm_version_3"))
  (func (export "init") (param i32 i32) (result i32) (call $ok_v010_init))
  (func (export "handle") (param i32 i32) (result i32) (call $ok_v010_handle))
  (func (export "query") (param $msg i32) (result i32)
    (call $db_write (local.get $msg) (call $region (i32.const 1024) (i32.const 1)))
    (call $ok_query))
)
