;; HOST db_write then db_read of the same key in one call (v1, execute): the read must see the
;; value just written (Secret serves it from the call's write cache). msg = the key.
;; Writes key -> "fresh", reads it back, stores "out" = what the read returned.
(module
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (data (i32.const 1024) "fresh")
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $v i32)
    (call $db_write (local.get $msg) (call $region (i32.const 1024) (i32.const 5)))
    (local.set $v (call $db_read (local.get $msg)))
    (if (i32.eqz (local.get $v)) (then unreachable))   ;; must be present
    (call $put_out (local.get $v))
    (call $ok_v1))
)
