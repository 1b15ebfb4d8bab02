;; HOST gas_evaporate (Secret only; v1, execute). msg = amount, 4 bytes little-endian. Stores
;; "code" = the i32 gas_evaporate returned (always 0). The gas it burns is checked in gas/.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "gas_evaporate" (func $gas_evaporate (param i32) (result i32)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (call $put_code (call $gas_evaporate (i32.load (call $off (local.get $msg)))))
    (call $ok_v1))
)
