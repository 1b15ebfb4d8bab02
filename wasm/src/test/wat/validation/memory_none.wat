;; REJECT MEMORY_COUNT. No memory at all (nothing to exchange Regions in).
(module
  (func (export "interface_version_8"))  ;; API marker (presence only)
  (func $allocate (export "allocate") (param $n i32) (result i32) (i32.const 0))
  (func $deallocate (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (i32.const 16))
)
