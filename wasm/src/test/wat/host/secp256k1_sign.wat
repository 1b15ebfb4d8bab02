;; HOST secp256k1_sign (Secret only; v1, execute). msg = two fields (u32 LE length + bytes each):
;;   message, private key.
;; the host SHA-256s the message and signs it with the 32-byte secp256k1 key (RFC 6979, low-S), 64-byte r‖s.
;; The host returns an i64: high 32 bits = error code (1000 = bad private key), low 32 bits =
;; Region of the signature. Stores "code" = the high half; when it is 0 also "out" = the signature.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "secp256k1_sign" (func $sign (param i32 i32) (result i64)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $f i32) (local $r i64) (local $code i32)
    (local.set $f (call $fields (local.get $msg)))
    (local.set $r (call $sign (call $field (local.get $f) (i32.const 0))
                              (call $field (local.get $f) (i32.const 1))))
    (local.set $code (i32.wrap_i64 (i64.shr_u (local.get $r) (i64.const 32))))
    (call $put_code (local.get $code))
    (if (i32.eqz (local.get $code))
      (then (call $put_out (i32.wrap_i64 (local.get $r)))))
    (call $ok_v1))
)
