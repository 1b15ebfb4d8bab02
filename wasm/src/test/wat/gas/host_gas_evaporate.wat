;; GAS: gas_evaporate(amount) burns max(amount x 1000, 8000) (cosmwasm-abi.md §6.3); amount is
;; an unsigned 32-bit number. msg = amount, 4 bytes little-endian.
;;   allocate x 3                  114
;;   execute body (6 instructions)  12
;;   gas_evaporate                 max(amount x 1000, 8000)
;; amount 0 or 8 -> 8 126; 9 -> 9 126; 100 -> 100 126 (limit 100 125 -> out_of_gas);
;; 0xFFFFFFFF -> 4 294 967 295 000 > any limit (MaxGas is 10^10) -> out_of_gas; a VM that read
;; amount as signed (-1 x 1000 < 8000) would wrongly charge only 8 000.
(module
  (import "env" "gas_evaporate" (func $gas_evaporate (param i32) (result i32)))
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    local.get $msg          ;; 1
    i32.load                ;; 2
    i32.load                ;; 3  amount
    call $gas_evaporate     ;; 4  returns 0
    drop                    ;; 5
    i32.const 16))          ;; 6  Ok
