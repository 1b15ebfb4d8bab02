;; HOST ed25519_verify from a v0.10 contract (handle(env, msg)): Secret gives the crypto imports to
;; v0.10 contracts too (since Secret 1.3). msg = three fields (u32 LE length + bytes each):
;; message, signature (64 bytes), public key (32 bytes). Stores "code" = the host's result.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "ed25519_verify" (func $ed25519_verify (param i32 i32 i32) (result i32)))
;;@include lib/rt.wat
  (func (export "cosmwasm_vm_version_3"))
  (func (export "init") (param i32 i32) (result i32) (call $ok_v010_init))
  (func (export "query") (param i32) (result i32) (call $ok_query))
  (func (export "handle") (param $env i32) (param $msg i32) (result i32)
    (local $f i32)
    (local.set $f (call $fields (local.get $msg)))
    (call $put_code
      (call $ed25519_verify (call $field (local.get $f) (i32.const 0))
                             (call $field (local.get $f) (i32.const 1))
                             (call $field (local.get $f) (i32.const 2))))
    (call $ok_v010_handle))
)
