;; HOST humanize_address (v0.10, handle(env, msg)). msg = the canonical address bytes.
;; The contract preallocates 90 bytes (as cosmwasm-std 0.10 does); Ok: "code" = 0, "out" =
;; the bech32 address. Error: "code" = 1, "err" = the host's message.
;; Returns the v0.10 handle envelope {"Ok":{"messages":[],"log":[],"data":null}}.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "humanize_address" (func $humanize_address (param i32 i32) (result i32)))
;;@include lib/rt.wat
  (func (export "cosmwasm_vm_version_3"))
  (func (export "init") (param i32 i32) (result i32) (call $ok_v010_init))
  (func (export "query") (param i32) (result i32) (call $ok_query))
  (func (export "handle") (param $env i32) (param $msg i32) (result i32)
    (local $dest i32) (local $r i32)
    (local.set $dest (call $allocate (i32.const 90)))
    (local.set $r (call $humanize_address (local.get $msg) (local.get $dest)))
    (if (i32.eqz (local.get $r))
      (then (call $put_code (i32.const 0))
            (call $put_out (local.get $dest)))
      (else (call $put_code (i32.const 1))
            (call $put_err (local.get $r))))
    (call $ok_v010_handle))
)
