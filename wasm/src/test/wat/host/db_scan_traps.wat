;; HOST db_scan (v1, execute): the name passes upload (it is on the allow-list) but Secret does not
;; link it, so calling it fails (cosmwasm-abi.md §2.3). msg ignored.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "db_scan" (func $db_scan (param i32 i32 i32) (result i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (drop (call $db_scan (i32.const 0) (i32.const 0) (i32.const 1)))   ;; unbounded, ascending
    (call $put_done)
    (call $ok_v1))
)
