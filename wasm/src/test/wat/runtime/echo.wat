;; A minimal CosmWasm 1.x contract for the runtime's own tests: a bump allocator, execute stores
;; its msg under key "k" and returns an empty Response (or traps after the write if the msg starts
;; with 0xFF); query reads "k" and returns {"Ok":"aGk="} ("hi").
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 4096))
  (data (i32.const 16) "k")
  ;; Region for key "k": offset 16, capacity 1, length 1
  (data (i32.const 32) "\10\00\00\00\01\00\00\00\01\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
  ;; Region for the response: offset 64, length 62
  (data (i32.const 48) "\40\00\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 160) "{\"Ok\":\"aGk=\"}")
  (data (i32.const 192) "\a0\00\00\00\0d\00\00\00\0d\00\00\00")
  (func (export "interface_version_8"))
  (func (export "allocate") (param $size i32) (result i32)
    (local $region i32)
    global.get $heap
    local.set $region
    ;; region struct, then the buffer right after it
    local.get $region
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
  ;; After the write: a block (charged 4 gas on entry, so a limit can run out after the write) and,
  ;; when the first msg byte is 0xFF, unreachable: both must leave the storage untouched.
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    i32.const 32
    local.get $msg
    call $db_write
    block
      i32.const 1
      drop
    end
    local.get $msg
    i32.load
    i32.load8_u
    i32.const 255
    i32.eq
    if
      unreachable
    end
    i32.const 48)
  (func (export "query") (param i32 i32) (result i32)
    i32.const 32
    call $db_read
    drop
    i32.const 192))
