;; TRAP: db_write with a key Region {offset, capacity 1, length 3}: the bytes are readable but the
;; Region is inconsistent (strict check, cosmwasm-abi.md §8 rule 3).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (data (i32.const 1024) "\20\04\00\00\01\00\00\00\03\00\00\00")   ;; {1056, 1, 3}
  (data (i32.const 1040) "v")
  (data (i32.const 1056) "key")
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $db_write (i32.const 1024) (call $region (i32.const 1040) (i32.const 1)))
    (call $ok_v1))
)
