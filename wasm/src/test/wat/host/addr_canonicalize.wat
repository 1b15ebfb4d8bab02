;; HOST addr_canonicalize (v1, execute). msg = the human address.
;; The contract preallocates a 64-byte destination (as cosmwasm-std 1.x does); the host writes the
;; canonical bytes into it and sets its length. Ok: "code" = 0, "out" = canonical bytes.
;; Error: "code" = 1, "err" = the host's message.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "addr_canonicalize" (func $addr_canonicalize (param i32 i32) (result i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $dest i32) (local $r i32)
    (local.set $dest (call $allocate (i32.const 64)))
    (local.set $r (call $addr_canonicalize (local.get $msg) (local.get $dest)))
    (if (i32.eqz (local.get $r))
      (then (call $put_code (i32.const 0))
            (call $put_out (local.get $dest)))
      (else (call $put_code (i32.const 1))
            (call $put_err (local.get $r))))
    (call $ok_v1))
)
