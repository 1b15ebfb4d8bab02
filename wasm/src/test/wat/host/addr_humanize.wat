;; HOST addr_humanize (v1, execute). msg = the canonical address bytes.
;; The contract preallocates 90 bytes; Ok: "code" = 0, "out" = the bech32 address (prefix
;; secret). Error: "code" = 1, "err" = the host's message.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "addr_humanize" (func $addr_humanize (param i32 i32) (result i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $dest i32) (local $r i32)
    (local.set $dest (call $allocate (i32.const 90)))
    (local.set $r (call $addr_humanize (local.get $msg) (local.get $dest)))
    (if (i32.eqz (local.get $r))
      (then (call $put_code (i32.const 0))
            (call $put_out (local.get $dest)))
      (else (call $put_code (i32.const 1))
            (call $put_err (local.get $r))))
    (call $ok_v1))
)
