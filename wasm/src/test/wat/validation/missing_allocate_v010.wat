;; REJECT MISSING_EXPORT (allocate). min_v010 without allocate (the allocate function is removed
;; entirely).
(module
  (memory (export "memory") 1)
  (func (export "cosmwasm_vm_version_3"))  ;; API marker (presence only)
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
