;; HOSTILE result: Region {offset 0xFFFFFF00, capacity 0x200, length 0x200}: offset + length wraps
;; around u32 to 0x100, which is "in bounds" for a host doing 32-bit (Java int) arithmetic.
(module
;;@include lib/gas_rt.wat
  (data (i32.const 1024) "\00\ff\ff\ff\00\02\00\00\00\02\00\00")
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (i32.const 1024))
)
