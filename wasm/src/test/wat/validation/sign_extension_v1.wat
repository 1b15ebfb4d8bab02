;; ACCEPT (profile V1). Uses every sign-extension operator (i32.extend8_s, i32.extend16_s,
;; i64.extend8_s, i64.extend16_s, i64.extend32_s) in live code: Rust >= 1.70 emits them, Secret's
;; test contracts contain them, and cosmwasm-abi.md §8 rule 1 accepts MVP + sign-extension.
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (func (export "interface_version_8"))  ;; API marker (presence only)
  ;; bump allocator: Region {offset = r + 12, capacity = n, length = 0 (fresh memory)}
  (func $allocate (export "allocate") (param $n i32) (result i32)
    (local $r i32)
    (local.set $r (global.get $heap))
    (i32.store (local.get $r) (i32.add (local.get $r) (i32.const 12)))
    (i32.store offset=4 (local.get $r) (local.get $n))
    (global.set $heap (i32.add (i32.add (local.get $r) (i32.const 12)) (local.get $n)))
    (local.get $r))
  (func $deallocate (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32)
    (drop (call $signext (i32.const 0xff80)))
    (i32.const 16))
  ;; not exported, but reachable from instantiate: computes a value and drops it
  (func $signext (param $x i32) (result i32)
    (i32.add (i32.extend8_s (local.get $x)) (i32.extend16_s (local.get $x)))
    (i32.wrap_i64 (i64.add (i64.extend8_s (i64.extend_i32_u (local.get $x)))
                           (i64.add (i64.extend16_s (i64.extend_i32_u (local.get $x)))
                                    (i64.extend32_s (i64.extend_i32_u (local.get $x))))))
    i32.add)
  ;; static result: Region at 16 -> 62 bytes at 64
  (data (i32.const 16) "\40\00\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
)
