;; HOST debug (v1, execute). msg = text passed to debug() unchanged. debug has no effect on the
;; contract (a no-op outside debug builds); afterwards the contract stores "done" = 1 (u32 LE) to
;; prove execution continued.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "debug" (func $debug (param i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $debug (local.get $msg))
    (call $put_done)
    (call $ok_v1))
)
