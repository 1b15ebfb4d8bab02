;; A CosmWasm 1.x contract whose query asks the chain a question (query_chain) before answering
;; {"Ok":"aGk="}; the test's querier answers by querying this same contract again, one level
;; deeper, so the VM's nested-query bound is what ends the recursion.
(module
  (import "env" "query_chain" (func $query_chain (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (data (i32.const 16) "{\"wasm\":{\"smart\":{}}}")
  ;; Region for the request: offset 16, capacity 21, length 21
  (data (i32.const 48) "\10\00\00\00\15\00\00\00\15\00\00\00")
  (data (i32.const 160) "{\"Ok\":\"aGk=\"}")
  (data (i32.const 192) "\a0\00\00\00\0d\00\00\00\0d\00\00\00")
  (func (export "interface_version_8"))
  (func (export "allocate") (param $size i32) (result i32)
    (local $region i32)
    global.get $heap
    local.tee $region
    local.get $region
    i32.const 12
    i32.add
    i32.store
    local.get $region
    local.get $size
    i32.store offset=4
    local.get $region
    i32.const 0
    i32.store offset=8
    local.get $region
    i32.const 12
    i32.add
    local.get $size
    i32.add
    global.set $heap
    local.get $region)
  (func (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32)
    i32.const 192)
  (func (export "query") (param i32 i32) (result i32)
    i32.const 48
    call $query_chain
    drop
    i32.const 192))
