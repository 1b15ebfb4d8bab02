;; TRAP (malformed result): the result Region has offset 0 (length 62).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (data (i32.const 1024) "\00\00\00\00\3e\00\00\00\3e\00\00\00")   ;; {offset 0, capacity 62, length 62}
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (i32.const 1024))
)
