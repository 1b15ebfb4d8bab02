;; REJECT BAD_EXPORT_SIGNATURE (allocate). The export named allocate is an i32 global, not a
;; function. (A VM may also call this MISSING_EXPORT: there is no allocate function.)
(module
  (memory (export "memory") 1)
  (func (export "interface_version_8"))  ;; API marker (presence only)
  (global $allocate (export "allocate") i32 (i32.const 0))  ;; wrong kind: global
  (func $deallocate (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (i32.const 16))
  ;; static result: Region at 16 -> 62 bytes at 64
  (data (i32.const 16) "\40\00\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
)
