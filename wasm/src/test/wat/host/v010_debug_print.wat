;; HOST debug_print (v0.10, handle(env, msg)). msg = text passed to debug_print() unchanged; a no-op
;; for the contract. Afterwards stores "done" = 1 (u32 LE).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "debug_print" (func $debug_print (param i32)))
;;@include lib/rt.wat
  (func (export "cosmwasm_vm_version_3"))
  (func (export "init") (param i32 i32) (result i32) (call $ok_v010_init))
  (func (export "query") (param i32) (result i32) (call $ok_query))
  (func (export "handle") (param $env i32) (param $msg i32) (result i32)
    (call $debug_print (local.get $msg))
    (call $put_done)
    (call $ok_v010_handle))
)
