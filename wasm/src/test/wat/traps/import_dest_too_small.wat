;; TRAP: addr_canonicalize of a valid address (the msg) into a destination Region with capacity 4:
;; the 20 canonical bytes do not fit, and the host must not write past the capacity.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "addr_canonicalize" (func $addr_canonicalize (param i32 i32) (result i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (call $addr_canonicalize (local.get $msg) (call $allocate (i32.const 4))))
    (call $ok_v1))
)
