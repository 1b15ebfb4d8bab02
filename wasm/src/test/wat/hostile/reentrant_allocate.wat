;; HOSTILE: unbounded recursion THROUGH THE HOST. execute arms a flag and calls db_read on a key that
;; exists (msg = the key; the manifest stores it first). The host calls allocate for the value;
;; this allocate, when armed, first calls db_read on the same key again, whose host call calls
;; allocate again, and so on: wasm -> host -> wasm -> host ... Every level adds JVM frames for the
;; host function as well as for the wasm. The call must end deterministically (call-depth bound, or
;; a VM that refuses re-entrant host calls from allocate reports a trap), never StackOverflowError.
(module
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 4096))
  (global $armed (mut i32) (i32.const 0))
  (global $key (mut i32) (i32.const 0))
  (data (i32.const 16) "\40\00\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
  (func (export "interface_version_8"))
  (func $allocate (export "allocate") (param $size i32) (result i32)
    (local $r i32)
    (if (global.get $armed)
      (then (drop (call $db_read (global.get $key)))))   ;; re-enter the host before allocating
    (local.set $r (global.get $heap))
    (i32.store (local.get $r) (i32.add (local.get $r) (i32.const 12)))
    (i32.store offset=4 (local.get $r) (local.get $size))
    (global.set $heap (i32.add (i32.add (local.get $r) (i32.const 12)) (local.get $size)))
    (local.get $r))
  (func (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (i32.const 16))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (global.set $key (local.get $msg))
    (global.set $armed (i32.const 1))
    (drop (call $db_read (local.get $msg)))
    (i32.const 16))
)
