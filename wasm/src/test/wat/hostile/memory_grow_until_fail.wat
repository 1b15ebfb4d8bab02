;; HOSTILE (exact gas): grows memory one page at a time until memory.grow returns -1, then checks
;; that memory is exactly 192 pages (the cap the VM imposes; the module declares no maximum).
;; Ok if so, Err otherwise.
;;   allocate x 3                                     114
;;   execute body (6 instructions)                     12
;;   loop body (5 instructions) + grow charge: 10 + 8 192 = 8 202 per iteration
;;   iterations: 190 successful grows (2 -> 192 pages) + 1 failing = 191
;;   total = 114 + 12 + 191 x 8 202 = 1 566 708
(module
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    loop $grow              ;; 1
      i32.const 1           ;;    l1
      memory.grow           ;;    l2  + 8 192
      i32.const -1          ;;    l3
      i32.ne                ;;    l4
      br_if $grow           ;;    l5  again while the grow succeeded
    end
    memory.size             ;; 2
    i32.const 192           ;; 3
    i32.ne                  ;; 4
    if                      ;; 5
      i32.const 32          ;;    t1  Err: the cap is not 192 pages
      return                ;;    t2
    end
    i32.const 16)           ;; 6  Ok
)
