;; REJECT BAD_EXPORT_SIGNATURE (allocate). allocate takes an i64 size instead of i32.
(module
  (memory (export "memory") 1)
  (func (export "interface_version_8"))  ;; API marker (presence only)
  (func $allocate (export "allocate") (param $n i64) (result i32)  ;; wrong: i64 param
    (i32.const 0))
  (func $deallocate (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (i32.const 16))
  ;; static result: Region at 16 -> 62 bytes at 64
  (data (i32.const 16) "\40\00\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
)
