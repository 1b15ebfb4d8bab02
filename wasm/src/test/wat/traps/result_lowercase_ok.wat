;; OK: the upstream 1.x casing {"ok":{…}}. Secret's v1 fork uses {"Ok":…}; Arcanum accepts both so
;; that upstream CosmWasm 1.x contracts run (cosmwasm-abi.md §3.7, issue 3).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (data (i32.const 1024) "{\"ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $region (i32.const 1024) (i32.const 62)))
)
