;; GAS: check_gas() returns the gas used so far in SDK units, (limit - remaining) / 1000 rounded
;; down, after charging its own 8 192 (cosmwasm-abi.md §2.3, §6.3). msg = amount (u32 LE) ‖
;; expected (u64 LE): the contract evaporates `amount`, calls check_gas and returns Ok when the
;; answer equals `expected`, else Err.
;;   allocate x 3                   114
;;   execute body (12 instructions)  24   (charged on entry, so already spent at check_gas)
;;   gas_evaporate                  max(amount x 1000, 8000)
;;   check_gas                      8 192
;;   used at check_gas = 8 330 + evaporated
;;   amount 0:  16 330 -> check_gas = 16, total 16 330
;;   amount 50: 58 330 -> check_gas = 58 (not 59: rounded down), total 58 330;
;;              expecting 59 instead -> Err, total 58 334 (then-arm)
(module
  (import "env" "gas_evaporate" (func $gas_evaporate (param i32) (result i32)))
  (import "env" "check_gas" (func $check_gas (result i64)))
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $p i32)
    local.get $msg          ;;  1
    i32.load                ;;  2  msg bytes
    local.tee $p            ;;  3
    i32.load                ;;  4  amount
    call $gas_evaporate     ;;  5
    drop                    ;;  6
    call $check_gas         ;;  7
    local.get $p            ;;  8
    i64.load offset=4       ;;  9  expected (unaligned load is fine in wasm)
    i64.ne                  ;; 10
    if                      ;; 11
      i32.const 32          ;;     t1  Err
      return                ;;     t2
    end
    i32.const 16))          ;; 12  Ok
