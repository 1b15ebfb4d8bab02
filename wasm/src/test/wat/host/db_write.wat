;; HOST db_write (v1, execute and instantiate). msg = [1 byte key length n][n key bytes][value].
;; Writes key -> value; nothing else. Both entry points do the same, so the manifest can show
;; that instantiate may write too.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func $write_from_msg (param $msg i32)
    (local $p i32) (local $n i32)
    (local.set $p (call $off (local.get $msg)))
    (local.set $n (i32.load8_u (local.get $p)))
    (call $put (i32.add (local.get $p) (i32.const 1)) (local.get $n)
               (i32.add (local.get $p) (i32.add (local.get $n) (i32.const 1)))
               (i32.sub (call $len (local.get $msg)) (i32.add (local.get $n) (i32.const 1)))))
  (func (export "instantiate") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $write_from_msg (local.get $msg))
    (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $write_from_msg (local.get $msg))
    (call $ok_v1))
)
