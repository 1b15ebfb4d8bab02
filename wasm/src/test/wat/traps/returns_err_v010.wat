;; CONTRACT ERROR (v0.10): handle returns {"Err":{"generic_err":{"msg":"boom"}}}, the tagged
;; StdError envelope of CosmWasm 0.10 (cosmwasm-abi.md §3.7, §4.6).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (data (i32.const 1024) "{\"Err\":{\"generic_err\":{\"msg\":\"boom\"}}}")   ;; 38 bytes
  (func (export "cosmwasm_vm_version_3"))
  (func (export "init") (param i32 i32) (result i32) (call $ok_v010_init))
  (func (export "query") (param i32) (result i32) (call $ok_query))
  (func (export "handle") (param $env i32) (param $msg i32) (result i32)
    (call $region (i32.const 1024) (i32.const 38)))
)
