;; HOST db_remove inside a v1 query(env, msg): read-only, must fail; the key survives.
;; msg = the key.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "db_remove" (func $db_remove (param i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "query") (param $env i32) (param $msg i32) (result i32)
    (call $db_remove (local.get $msg))
    (call $ok_query))
)
