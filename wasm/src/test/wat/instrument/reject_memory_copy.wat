;; memory.copy (0xFC 0x0A) in function 2 (after one import)
(module
  (import "env" "f" (func $f))
  (memory 1)
  (func $first)
  (func $second
    i32.const 0
    i32.const 8
    i32.const 4
    memory.copy))
