;; An upstream CosmWasm 1.x contract (cosmwasm-std >= 1.2 imports abort): execute calls
;; abort("panicked at 'boom'") the way cosmwasm-std's panic handler does; query answers with the
;; upstream casing {"ok":"aGk="}.
(module
  (import "env" "abort" (func $abort (param i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (data (i32.const 16) "panicked at 'boom'")
  (data (i32.const 48) "\10\00\00\00\12\00\00\00\12\00\00\00")
  (data (i32.const 160) "{\"ok\":\"aGk=\"}")
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
  (func (export "execute") (param i32 i32 i32) (result i32)
    i32.const 48
    call $abort
    unreachable)
  (func (export "query") (param i32 i32) (result i32)
    i32.const 192))
