;; HOSTILE result: Region {offset 64, capacity 1 MiB, length 1 MiB}: capacity >= length, but the
;; 2-page memory is only 128 KiB.
(module
;;@include lib/gas_rt.wat
  (data (i32.const 1024) "\40\00\00\00\00\00\10\00\00\00\10\00")
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (i32.const 1024))
)
