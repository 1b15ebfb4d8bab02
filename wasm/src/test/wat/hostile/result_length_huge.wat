;; HOSTILE result: a Region {offset 64, capacity 0xFFFFFFFF, length 0xFFFFFFFF} around the Ok JSON.
;; The host must check length against memory before allocating a 4 GiB buffer to copy into.
(module
;;@include lib/gas_rt.wat
  (data (i32.const 1024) "\40\00\00\00\ff\ff\ff\ff\ff\ff\ff\ff")
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (i32.const 1024))
)
