;; HOST ed25519_batch_verify (v1, execute). msg = three fields (u32 LE length + bytes each):
;;   messages, signatures, public keys — each already in the sections encoding (cosmwasm-abi.md §3.5: item ‖ BE32(len) ‖ …).
;; Stores "code" = the i32 the host returned (0 valid, 1 does not verify, 3/4/5 bad hash,
;; signature or key format, 7 batch count mismatch; cosmwasm-abi.md §2.4).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "ed25519_batch_verify" (func $ed25519_batch_verify (param i32 i32 i32) (result i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $f i32)
    (local.set $f (call $fields (local.get $msg)))
    (call $put_code
      (call $ed25519_batch_verify (call $field (local.get $f) (i32.const 0))
                  (call $field (local.get $f) (i32.const 1))
                  (call $field (local.get $f) (i32.const 2))))
    (call $ok_v1))
)
