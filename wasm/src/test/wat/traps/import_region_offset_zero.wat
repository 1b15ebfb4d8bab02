;; TRAP: db_write with a key Region whose offset is 0 (length 3); the value Region is fine.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (data (i32.const 1024) "\00\00\00\00\03\00\00\00\03\00\00\00")   ;; {0, 3, 3}
  (data (i32.const 1040) "v")
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $db_write (i32.const 1024) (call $region (i32.const 1040) (i32.const 1)))
    (call $ok_v1))
)
