;; HOSTILE: unbounded mutual recursion $ping -> $pong -> $ping ... Must end with
;; call_depth_exceeded.
(module
;;@include lib/gas_rt.wat
  (func $ping (param $n i32) (result i32) (call $pong (i32.add (local.get $n) (i32.const 1))))
  (func $pong (param $n i32) (result i32) (call $ping (i32.add (local.get $n) (i32.const 1))))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (call $ping (i32.const 0)))
    (i32.const 16))
)
