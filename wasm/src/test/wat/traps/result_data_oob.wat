;; TRAP (malformed result): the Region is in memory but its data range is not: offset = 2 pages - 10,
;; length 62 (memory is 2 pages = 131072 bytes).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (data (i32.const 1024) "\f6\ff\01\00\3e\00\00\00\3e\00\00\00")   ;; {131062, 62, 62}
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (i32.const 1024))
)
