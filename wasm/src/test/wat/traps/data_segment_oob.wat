;; TRAP at instantiation: an active data segment writes 4 bytes at 131070 into a 2-page (131072
;; byte) memory. The module is valid wasm and passes upload; creating the instance fails.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (data (i32.const 131070) "oops")
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param i32 i32 i32) (result i32) (call $ok_v1))
)
