;; GAS: db_read costs 1 000 (cosmwasm-abi.md §6.3; chain-side SDK gas is not wasm gas and is not
;; counted here). When the key exists the host calls allocate re-entrantly for the value: that
;; allocate is wasm code on the same meter (38). msg = the key.
;;   allocate x 3                   114
;;   execute body (4 instructions)    8
;;   db_read                       1 000
;;   absent: 1 122;  present: 1 160 (limit 1 159 -> out_of_gas inside the host's allocate call;
;;   the VM must report out of gas, not an allocation failure)
(module
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    local.get $msg          ;; 1
    call $db_read           ;; 2
    drop                    ;; 3
    i32.const 16))          ;; 4  Ok
