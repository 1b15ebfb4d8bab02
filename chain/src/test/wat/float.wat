;; A CosmWasm 1.x contract that uses a float: valid wasm that Arcanum refuses at upload.
;; Rebuild: wat2wasm float.wat -o ../resources/compute/float.wasm
(module
  (memory (export "memory") 1)
  (func (export "interface_version_8"))
  (func (export "allocate") (param i32) (result i32) (i32.const 0))
  (func (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32)
    (drop (f32.add (f32.const 1) (f32.const 2)))
    (i32.const 0)))
