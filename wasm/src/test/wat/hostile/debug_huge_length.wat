;; HOSTILE import input: debug with a message Region claiming 0x7FFFFFFF bytes (2 GiB - 1, the
;; largest positive Java int) at offset 2048.
(module
  (import "env" "debug" (func $debug (param i32)))
;;@include lib/gas_rt.wat
  (data (i32.const 1024) "\00\08\00\00\ff\ff\ff\7f\ff\ff\ff\7f")
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $debug (i32.const 1024))
    (i32.const 16))
)
