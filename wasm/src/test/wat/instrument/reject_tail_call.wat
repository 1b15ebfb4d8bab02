;; wat2wasm-flags: --enable-tail-call
;; return_call (0x12) in function 0
(module
  (func $f (result i32)
    return_call $g)
  (func $g (result i32)
    i32.const 1))
