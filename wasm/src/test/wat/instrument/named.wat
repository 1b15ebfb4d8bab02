;; wat2wasm-flags: --debug-names
;; a name section (function, local and global names) that must stay valid after instrumentation
(module
  (memory 1)
  (global $counter (mut i32) (i32.const 0))
  (func $increment (export "increment") (param $by i32) (result i32)
    (local $old i32)
    global.get $counter
    local.tee $old
    local.get $by
    i32.add
    global.set $counter
    local.get $old
    call $twice)
  (func $twice (param $x i32) (result i32)
    local.get $x
    local.get $x
    i32.add)
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow)
  (data (i32.const 0) "named"))
