;; GAS: memory.grow charges pages x 8192 before it runs (cosmwasm-abi.md §6.2), whether or not
;; the grow succeeds. msg = pages to grow, 4 bytes little-endian. Memory starts at 2 pages; the
;; VM caps it at 192, so growing by more than 190 fails (memory.grow returns -1) and the contract
;; returns {"Err":...} (contract_error) after paying for the attempt.
;;   allocate x 3                        114
;;   execute body (8 instructions)        16
;;   memory.grow charge                 8192 x pages
;;   then-arm (2 instructions), only when the grow failed   4
;; pages 0 -> 130; 1 -> 8 322 (limit 8 321 -> out_of_gas at the grow charge); 3 -> 24 706;
;; 190 -> 1 556 610 (reaches exactly 192 pages, ok); 191 -> 1 564 806 (contract_error).
;; Secret parity note: Secret's injected grow-meter function is itself instrumented and adds 14
;; instructions per memory.grow (28 gas with the flat cost 2); the spec does not count it.
(module
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    local.get $msg          ;; 1
    i32.load                ;; 2
    i32.load                ;; 3  pages
    memory.grow             ;; 4  + pages x 8192
    i32.const -1            ;; 5
    i32.eq                  ;; 6
    if                      ;; 7
      i32.const 32          ;;    t1  Err
      return                ;;    t2
    end
    i32.const 16))          ;; 8  Ok
