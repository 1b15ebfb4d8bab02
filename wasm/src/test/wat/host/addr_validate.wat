;; HOST addr_validate (v1, execute). msg = the address (UTF-8).
;; Valid: stores "code" = 0. Invalid: the host returns a Region with an error message; stores
;; "code" = 1 and "err" = that message (content not specified, must be non-empty).
;; Secret: decode any bech32, re-encode with prefix "secret", require exact equality.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "addr_validate" (func $addr_validate (param i32) (result i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $r i32)
    (local.set $r (call $addr_validate (local.get $msg)))
    (if (i32.eqz (local.get $r))
      (then (call $put_code (i32.const 0)))
      (else (call $put_code (i32.const 1))
            (call $put_err (local.get $r))))
    (call $ok_v1))
)
