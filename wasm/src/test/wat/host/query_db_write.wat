;; HOST db_write inside a v1 query(env, msg): queries are read-only, so the host call must fail
;; ("unauthorized write" on Secret) and the query ends with an error, nothing written.
;; msg = the key; the value would be "x". Also exports execute doing the same write, which
;; succeeds (manifest: the same wasm, entry execute -> ok).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (data (i32.const 1024) "x")
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "query") (param $env i32) (param $msg i32) (result i32)
    (call $db_write (local.get $msg) (call $region (i32.const 1024) (i32.const 1)))
    (call $ok_query))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $db_write (local.get $msg) (call $region (i32.const 1024) (i32.const 1)))
    (call $ok_v1))
)
