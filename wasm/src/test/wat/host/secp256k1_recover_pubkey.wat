;; HOST secp256k1_recover_pubkey (v1, execute). msg = three fields (u32 LE length + bytes each):
;;   hash (32 bytes), signature (64 bytes r‖s), recovery param (1 byte, passed as an i32).
;; The host returns an i64: high 32 bits = error code, low 32 bits = Region of the 65-byte
;; uncompressed public key. Stores "code" = the high half; when it is 0 also "out" = the key.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "secp256k1_recover_pubkey" (func $recover (param i32 i32 i32) (result i64)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $f i32) (local $r i64) (local $code i32)
    (local.set $f (call $fields (local.get $msg)))
    (local.set $r
      (call $recover (call $field (local.get $f) (i32.const 0))
                      (call $field (local.get $f) (i32.const 1))
                      (i32.load8_u (call $off (call $field (local.get $f) (i32.const 2))))))
    (local.set $code (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 32))))
    (call $put_code (local.get $code))
    (if (i32.eqz (local.get $code))
      (then (call $put_out (i32.wrap_i64 (local.get $r)))))
    (call $ok_v1))
)
