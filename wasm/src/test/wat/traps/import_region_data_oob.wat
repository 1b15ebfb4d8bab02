;; TRAP: addr_validate with a Region {offset 0xFFFF0000, length 1000}: the data is outside memory.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "addr_validate" (func $addr_validate (param i32) (result i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (data (i32.const 1024) "\00\00\ff\ff\e8\03\00\00\e8\03\00\00")   ;; {0xFFFF0000, 1000, 1000}
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (call $addr_validate (i32.const 1024)))
    (call $ok_v1))
)
