;; HOSTILE import input: db_read with a key Region claiming 0xFFFFFFFF bytes at offset 2048.
(module
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
;;@include lib/gas_rt.wat
  (data (i32.const 1024) "\00\08\00\00\ff\ff\ff\ff\ff\ff\ff\ff")
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (call $db_read (i32.const 1024)))
    (i32.const 16))
)
