;; v128.const (0xFD 0x0C), the first SIMD instruction, in function 1
(module
  (func $first (result i32)
    i32.const 0)
  (func $second (result i32)
    v128.const i32x4 1 2 3 4
    v128.const i32x4 5 6 7 8
    i32x4.add
    i32x4.extract_lane 0))
