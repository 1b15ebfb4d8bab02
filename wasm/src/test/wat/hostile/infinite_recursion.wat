;; HOSTILE: unbounded direct recursion. With a generous gas limit the VM's deterministic call-depth
;; bound must stop it (call_depth_exceeded), not a JVM StackOverflowError whose depth depends on
;; thread stack size and JIT state (dependencies.md §3).
(module
;;@include lib/gas_rt.wat
  (func $down (param $n i32) (result i32)
    (call $down (i32.add (local.get $n) (i32.const 1))))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (call $down (i32.const 0)))
    (i32.const 16))
)
