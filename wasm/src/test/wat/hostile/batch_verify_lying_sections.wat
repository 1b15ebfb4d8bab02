;; HOSTILE import input: ed25519_batch_verify with a messages argument in the sections encoding
;; whose trailing BE32 length claims 4 096 bytes while only 3 precede it ("abc" ‖ 00 00 10 00).
;; Decoding from the end would underflow (Secret's own decoder would index out of range); the host
;; must fail cleanly. The signature and public-key arguments are empty lists.
(module
  (import "env" "ed25519_batch_verify" (func $batch (param i32 i32 i32) (result i32)))
;;@include lib/gas_rt.wat
  (data (i32.const 1024) "\20\04\00\00\07\00\00\00\07\00\00\00")   ;; messages Region {1056, 7, 7}
  (data (i32.const 1056) "abc\00\00\10\00")
  (data (i32.const 1040) "\40\04\00\00\00\00\00\00\00\00\00\00")   ;; empty Region {1088, 0, 0}
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (call $batch (i32.const 1024) (i32.const 1040) (i32.const 1040)))
    (i32.const 16))
)
