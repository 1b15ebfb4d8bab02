;; GAS: a counted loop. msg = K as 4 bytes little-endian (the first 4 bytes of the msg).
;;   allocate x 3                                       114
;;   execute body (6 instructions, below)                12
;;   block body   (4 instructions), entered once          8
;;   loop body    (5 instructions), once per iteration   10 x K   (not entered when K = 0)
;;   total = 134 + 10 K
;; K = 0 -> 134; K = 1 -> 144; K = 100 -> 1 134 (limit 1 133 -> out_of_gas in the last iteration).
(module
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $k i32)
    local.get $msg          ;; 1
    i32.load                ;; 2  msg Region.offset
    i32.load                ;; 3  K
    local.set $k            ;; 4
    block                   ;; 5  (one instruction of the body; its own sequence costs 8)
      local.get $k          ;;    b1
      i32.eqz               ;;    b2
      br_if 0               ;;    b3  K = 0: skip the loop
      loop                  ;;    b4  (its body costs 10 on every entry)
        local.get $k        ;;       l1
        i32.const 1         ;;       l2
        i32.sub             ;;       l3
        local.tee $k        ;;       l4
        br_if 0             ;;       l5  back to the loop start: charged again
      end
    end
    i32.const 16))          ;; 6  Ok
