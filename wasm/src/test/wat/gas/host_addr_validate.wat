;; GAS: a host call's flat cost at the boundary. msg = the address to validate (raw UTF-8).
;; addr_validate costs 8 192 (cosmwasm-abi.md §6.3). On failure the host calls allocate once more
;; to hand back its error message (38) and the contract returns Err.
;;   allocate x 3                  114
;;   execute body (4 instructions)   8
;;   addr_validate                8 192
;;   valid:   114 + 8 + 8 192                = 8 314  (limit 8 313 -> out_of_gas in the host call)
;;   invalid: 114 + 8 + 8 192 + 38 + 4 (then-arm) = 8 356, contract_error
(module
  (import "env" "addr_validate" (func $addr_validate (param i32) (result i32)))
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    local.get $msg          ;; 1  the msg Region is the address
    call $addr_validate     ;; 2  0 = valid, else an error Region
    if                      ;; 3
      i32.const 32          ;;    t1  Err
      return                ;;    t2
    end
    i32.const 16))          ;; 4  Ok
