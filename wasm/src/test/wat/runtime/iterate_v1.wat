;; CosmWasm 1.x iteration: execute(env, info, msg) scans the whole store with db_scan in the order
;; msg[0] (1 ascending, 2 descending) and, when msg[1] = 0, appends every db_next result Region
;; (sections: key ‖ BE32(len) ‖ value ‖ BE32(len)) to a buffer until the empty-key end marker
;; (8 zero bytes, appended too); when msg[1] = 1, appends the keys from db_next_key until it
;; returns 0. The buffer is stored under "~out" afterwards, so it is not part of the scan.
(module
  (import "env" "db_scan" (func $db_scan (param i32 i32 i32) (result i32)))
  (import "env" "db_next" (func $db_next (param i32) (result i32)))
  (import "env" "db_next_key" (func $db_next_key (param i32) (result i32)))
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 8192))
  (data (i32.const 16) "~out")
  (data (i32.const 32) "\10\00\00\00\04\00\00\00\04\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
  (data (i32.const 48) "\40\00\00\00\3e\00\00\00\3e\00\00\00")
  ;; output Region at 128: buffer at 4096, capacity 4096, length filled in at the end
  (data (i32.const 128) "\00\10\00\00\00\10\00\00\00\00\00\00")
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
    i32.const 48)
  ;; appends the data of Region $r to the output buffer; returns the data length
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
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $it i32) (local $r i32) (local $mode i32)
    i32.const 0
    i32.const 0
    local.get $msg
    i32.load
    i32.load8_u
    call $db_scan
    local.set $it
    local.get $msg
    i32.load
    i32.load8_u offset=1
    local.set $mode
    block $end
      loop $next
        local.get $mode
        if
          local.get $it
          call $db_next_key
          local.tee $r
          i32.eqz
          br_if $end
          local.get $r
          call $append
          drop
        else
          local.get $it
          call $db_next
          call $append
          i32.const 8
          i32.eq
          br_if $end
        end
        br $next
      end
    end
    i32.const 32
    i32.const 128
    call $db_write
    i32.const 48))
