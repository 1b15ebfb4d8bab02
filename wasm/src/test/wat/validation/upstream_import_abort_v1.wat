;; ACCEPT (profile V1). Upstream cosmwasm-std >= 1.2 imports abort(i32). Secret does not link it, but Arcanum
;; also runs upstream CosmWasm 1.x contracts, so abort is on the v1 allow-list (issue 3).
(module
  (import "env" "abort" (func (param i32)))
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
  ;; static result: Region at 16 -> 62 bytes at 64
  (data (i32.const 16) "\40\00\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
)
