;; Imported functions and globals shift the indices of the defined ones; the appended globals and
;; the grow function must land after all of them.
(module
  (import "env" "host_add" (func $host_add (param i32 i32) (result i32)))
  (import "env" "base" (global $base i32))
  (import "env" "host_nop" (func $host_nop))
  (memory 1)
  (global $counter (mut i32) (i32.const 0))
  (global $step i32 (i32.const 3))

  ;; body 8 = 16; imports are called without a stack guard
  (func $bump (export "bump") (result i32)
    global.get $counter
    global.get $step
    call $host_add
    global.set $counter
    call $host_nop
    global.get $counter
    global.get $base
    i32.add)

  ;; body 6 = 12, plus $bump's 16 (twice) and 8192 per page
  (func (export "run") (param i32) (result i32)
    call $bump
    call $bump
    i32.add
    local.get 0
    memory.grow
    i32.add))
