;; HOSTILE import input: db_write("key", value) where the value Region claims 0xFFFFFFFF bytes
;; (capacity and length) at offset 2048. The host must reject it from the Region/memory bounds,
;; never try to allocate or copy 4 GiB.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/gas_rt.wat
  (data (i32.const 1024) "\20\04\00\00\03\00\00\00\03\00\00\00")   ;; key Region {1056, 3, 3}
  (data (i32.const 1056) "key")
  (data (i32.const 1072) "\00\08\00\00\ff\ff\ff\ff\ff\ff\ff\ff")   ;; value Region {2048, 4 GiB - 1, 4 GiB - 1}
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $db_write (i32.const 1024) (i32.const 1072))
    (i32.const 16))
)
