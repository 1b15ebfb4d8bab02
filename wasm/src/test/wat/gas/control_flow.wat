;; GAS: if/else arms, block, br_if, br_table, call and call_indirect, each charged per sequence.
;; msg = selector byte s (first msg byte).
;;   allocate x 3                                         114
;;   execute body (12 instructions)                        24
;;   s != 0: then-arm (3 instructions)                      6  + $sq once (3 instructions, 6)
;;   s == 0: else-arm (5 instructions)                     10  + $sq twice (12)
;;   block $skip (4 instructions)                           8
;;   block $sw   (2 instructions: local.get, br_table)      4
;;   call_indirect to $sq                                   6
;;   s != 0 -> 114 + 24 + 6 + 6 + 8 + 4 + 6 = 168
;;   s == 0 -> 114 + 24 + 10 + 12 + 8 + 4 + 6 = 178
(module
;;@include lib/gas_rt.wat
  (type $unop (func (param i32) (result i32)))
  (table 1 1 funcref)
  (elem (i32.const 0) $sq)

  (func $sq (param $x i32) (result i32)
    local.get $x            ;; 1
    local.get $x            ;; 2
    i32.mul)                ;; 3  -> 6

  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $s i32) (local $v i32)
    local.get $msg          ;; 1
    i32.load                ;; 2
    i32.load8_u             ;; 3  s
    local.tee $s            ;; 4
    if                      ;; 5
      i32.const 3           ;;    t1
      call $sq              ;;    t2
      local.set $v          ;;    t3
    else
      i32.const 2           ;;    e1
      call $sq              ;;    e2
      call $sq              ;;    e3
      local.set $v          ;;    e4
      nop                   ;;    e5
    end
    block $skip             ;; 6
      local.get $s          ;;    b1
      i32.eqz               ;;    b2
      br_if $skip           ;;    b3
      nop                   ;;    b4
    end
    block $sw               ;; 7
      local.get $s          ;;    w1
      br_table $sw $sw      ;;    w2  every index leaves the block
    end
    i32.const 5             ;; 8   argument
    i32.const 0             ;; 9   table index
    call_indirect (type $unop)  ;; 10  -> $sq
    drop                    ;; 11
    i32.const 16))          ;; 12  Ok
