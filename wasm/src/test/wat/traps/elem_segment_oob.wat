;; TRAP at instantiation: an active element segment puts a function at slot 1 of a 1-slot table.
;; Valid wasm, passes upload; creating the instance fails.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (table 1 1 funcref)
  (elem (i32.const 1) $f)
  (func $f)
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param i32 i32 i32) (result i32) (call $ok_v1))
)
