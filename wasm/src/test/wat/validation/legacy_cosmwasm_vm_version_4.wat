;; REJECT UNSUPPORTED_API_VERSION. The only marker is the legacy cosmwasm_vm_version_4 (cosmwasm-abi.md §1); the
;; exports are the v0.10 set (init/handle/query, allocate, deallocate), so nothing else is wrong.
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (func (export "cosmwasm_vm_version_4"))  ;; legacy API marker
  ;; bump allocator: Region {offset = r + 12, capacity = n, length = 0 (fresh memory)}
  (func $allocate (export "allocate") (param $n i32) (result i32)
    (local $r i32)
    (local.set $r (global.get $heap))
    (i32.store (local.get $r) (i32.add (local.get $r) (i32.const 12)))
    (i32.store offset=4 (local.get $r) (local.get $n))
    (global.set $heap (i32.add (i32.add (local.get $r) (i32.const 12)) (local.get $n)))
    (local.get $r))
  (func $deallocate (export "deallocate") (param i32))
  (func (export "init") (param i32 i32) (result i32) (i32.const 16))
  (func (export "handle") (param i32 i32) (result i32) (i32.const 32))
  (func (export "query") (param i32) (result i32) (i32.const 48))
  ;; static results: Regions at 16 (init), 32 (handle), 48 (query)
  (data (i32.const 16) "\40\00\00\00\1f\00\00\00\1f\00\00\00")
  (data (i32.const 32) "\80\00\00\00\2b\00\00\00\2b\00\00\00")
  (data (i32.const 48) "\c0\00\00\00\0d\00\00\00\0d\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"log\":[]}}")
  (data (i32.const 128) "{\"Ok\":{\"messages\":[],\"log\":[],\"data\":null}}")
  (data (i32.const 192) "{\"Ok\":\"e30=\"}")
)
