;; HOST check_gas (Secret only; v1, execute). msg ignored. Evaporates 10 000 gas with
;; gas_evaporate(10), then calls check_gas() and stores "out" = its i64 answer (8 bytes LE): the
;; gas used so far in SDK units, (limit - remaining) / 1000 rounded down, including check_gas's own
;; 8 192. Used at that point = 18 192 + the wasm instructions executed before (the 3 argument
;; allocations and execute's entry charges), which are far below 808, so the answer is 18.
;; (gas/host_check_gas has the exact arithmetic.)
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "gas_evaporate" (func $gas_evaporate (param i32) (result i32)))
  (import "env" "check_gas" (func $check_gas (result i64)))
;;@include lib/rt.wat
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $used i64)
    (drop (call $gas_evaporate (i32.const 10)))
    (local.set $used (call $check_gas))
    (call $put_u64 (i32.const 512) (i32.const 3) (local.get $used))
    (call $ok_v1))
)
