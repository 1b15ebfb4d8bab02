;; CosmWasm 0.10 iteration: handle(env, msg) scans the whole store with db_scan in the order msg[0]
;; (1 ascending, 2 descending) and appends every db_next result Region in the 0.10 layout
;; (value ‖ key ‖ BE32(key length)) to a buffer, up to and including the end marker (BE32(0),
;; 4 bytes). The buffer is stored under "~out" afterwards.
(module
  (import "env" "db_scan" (func $db_scan (param i32 i32 i32) (result i32)))
  (import "env" "db_next" (func $db_next (param i32) (result i32)))
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 8192))
  (data (i32.const 16) "~out")
  (data (i32.const 32) "\10\00\00\00\04\00\00\00\04\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"log\":[],\"data\":null}}")
  (data (i32.const 48) "\40\00\00\00\2b\00\00\00\2b\00\00\00")
  (data (i32.const 128) "\00\10\00\00\00\10\00\00\00\00\00\00")
  (func (export "cosmwasm_vm_version_3"))
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
  (func (export "init") (param i32 i32) (result i32)
    i32.const 48)
  (func (export "query") (param i32) (result i32)
    i32.const 48)
  (func $append (param $r i32) (result i32)
    (local $src i32) (local $len i32) (local $i i32) (local $dst i32)
    local.get $r
    i32.load
    local.set $src
    local.get $r
    i32.load offset=8
    local.set $len
    i32.const 4096
    i32.const 128
    i32.load offset=8
    i32.add
    local.set $dst
    block $done
      loop $copy
        local.get $i
        local.get $len
        i32.ge_u
        br_if $done
        local.get $dst
        local.get $i
        i32.add
        local.get $src
        local.get $i
        i32.add
        i32.load8_u
        i32.store8
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br $copy
      end
    end
    i32.const 128
    i32.const 128
    i32.load offset=8
    local.get $len
    i32.add
    i32.store offset=8
    local.get $len)
  (func (export "handle") (param $env i32) (param $msg i32) (result i32)
    (local $it i32)
    i32.const 0
    i32.const 0
    local.get $msg
    i32.load
    i32.load8_u
    call $db_scan
    local.set $it
    block $end
      loop $next
        local.get $it
        call $db_next
        call $append
        i32.const 4
        i32.eq
        br_if $end
        br $next
      end
    end
    i32.const 32
    i32.const 128
    call $db_write
    i32.const 48))
