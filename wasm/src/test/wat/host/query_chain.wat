;; HOST query_chain (v1, execute). msg = the QueryRequest JSON, passed to the host unchanged.
;; Stores "out" = the answer bytes the host returned (SystemResult<ContractResult<Binary>>,
;; Secret casing {"Ok":{"Ok":"<b64>"}}). The manifest's "querier" says what the chain answers.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "query_chain" (func $query_chain (param i32) (result i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $put_out (call $query_chain (local.get $msg)))
    (call $ok_v1))
)
