;; ACCEPT (profile V1). Besides the required exports, exports every optional v1 entry point with its
;; signature (cosmwasm-abi.md §2.2): execute (3 args), query, migrate, sudo, reply and the six
;; ibc_* functions (2 args each). Proves optional exports are accepted when well-typed.
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (func (export "interface_version_8"))  ;; API marker (presence only)
  ;; bump allocator: Region {offset = r + 12, capacity = n, length = 0 (fresh memory)}
  (func $allocate (export "allocate") (param $n i32) (result i32)
    (local $r i32)
    (local.set $r (global.get $heap))
    (i32.store (local.get $r) (i32.add (local.get $r) (i32.const 12)))
    (i32.store offset=4 (local.get $r) (local.get $n))
    (global.set $heap (i32.add (i32.add (local.get $r) (i32.const 12)) (local.get $n)))
    (local.get $r))
  (func $deallocate (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (i32.const 16))
  (func (export "execute") (param i32 i32 i32) (result i32) (i32.const 16))
  (func $two (param i32 i32) (result i32) (i32.const 16))
  (export "query" (func $two))
  (export "migrate" (func $two))
  (export "sudo" (func $two))
  (export "reply" (func $two))
  (export "ibc_channel_open" (func $two))
  (export "ibc_channel_connect" (func $two))
  (export "ibc_channel_close" (func $two))
  (export "ibc_packet_receive" (func $two))
  (export "ibc_packet_ack" (func $two))
  (export "ibc_packet_timeout" (func $two))
  ;; static result: Region at 16 -> 62 bytes at 64
  (data (i32.const 16) "\40\00\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
)
