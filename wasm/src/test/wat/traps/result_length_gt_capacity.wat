;; TRAP (malformed result): Region {offset = the v1 Ok JSON, capacity 10, length 62}. The bytes are
;; readable and valid JSON, but length > capacity breaks the Region invariant (cosmwasm-abi.md §8
;; rule 3 keeps this check strict even though Secret's enclave skips it).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (data (i32.const 1024) "\58\02\00\00\0a\00\00\00\3e\00\00\00")   ;; {600, 10, 62}
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (i32.const 1024))
)
