;; HOSTILE: grows memory by one page in an endless loop, ignoring failures. Growth stops at the
;; 192-page cap (memory.grow then returns -1) and each attempt still costs 8 192 gas, so the call
;; ends with out of gas; the host never holds more than 12 MiB for this instance.
(module
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (loop $again
      (drop (memory.grow (i32.const 1)))
      (br $again))
    (i32.const 16))
)
