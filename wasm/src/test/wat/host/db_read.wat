;; HOST db_read (v1, execute). msg = the key (raw bytes).
;; Present: stores "out" = the value the host returned and "code" = 1 (u32 LE).
;; Absent:  db_read returns 0 (not an empty Region); stores only "code" = 0.
(module
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $v i32)
    (local.set $v (call $db_read (local.get $msg)))
    (if (i32.eqz (local.get $v))
      (then (call $put_code (i32.const 0)))
      (else (call $put_out (local.get $v))
            (call $put_code (i32.const 1))))
    (call $ok_v1))
)
