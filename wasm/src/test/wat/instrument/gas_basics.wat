;; Small programs whose gas is computed by hand in InstrumentedGasTest.
;; Rule (cosmwasm-abi.md §6.2): each instruction sequence charges 2 x (instructions directly in it)
;; on entry; block/loop/if count as one instruction of their parent; end/else are not counted.
(module
  (memory 1)
  (global $g (mut i32) (i32.const 0))

  ;; 5 instructions: 10 gas
  (func (export "straight") (result i32)
    i32.const 1
    i32.const 2
    i32.add
    i32.const 4
    i32.mul)

  ;; body 2 (block, local.get) = 4; outer block 3 = 6; inner block 4 = 8; total 18
  (func (export "nested_block") (result i32)
    (local i32)
    block
      i32.const 5
      local.set 0
      block
        local.get 0
        i32.const 1
        i32.add
        local.set 0
      end
    end
    local.get 0)

  ;; body 4 = 8; then arm 3 = 6; else arm 1 = 2
  (func (export "if_else") (param i32) (result i32)
    local.get 0
    if (result i32)
      i32.const 10
      i32.const 1
      i32.add
    else
      i32.const 20
    end
    i32.const 3
    i32.mul)

  ;; body 2 = 4; loop body 7 = 14 per iteration; max(n, 1) iterations
  (func (export "loop") (param $n i32) (result i32)
    (local $i i32)
    loop $l
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      local.get $n
      i32.lt_u
      br_if $l
    end
    local.get $i)

  ;; body 2 = 4; outer 3 = 6 (charged on entry even though the br skips its tail);
  ;; inner 5 = 10 (the dead tail after br is charged too); total 20
  (func (export "br_out") (result i32)
    block $outer
      block $inner
        i32.const 7
        global.set $g
        br $outer
        i32.const 99
        drop
      end
      i32.const 1
      drop
    end
    global.get $g)

  ;; entry: body 2 = 4, $b2 4 = 8, $b1 4 = 8, $b0 2 = 4 -> 24 on every path
  ;; index 0: falls out of $b0, enters the 3-nop block (+6) -> 30, returns 100
  ;; index 1: jumps out of $b1, enters the 5-nop block (+10) -> 34, returns 200
  ;; index >= 2: jumps out of $b2 -> 24, returns 300
  (func (export "br_table") (param i32) (result i32)
    block $b2
      block $b1
        block $b0
          local.get 0
          br_table $b0 $b1 $b2
        end
        block
          nop
          nop
          nop
        end
        i32.const 100
        return
      end
      block
        nop
        nop
        nop
        nop
        nop
      end
      i32.const 200
      return
    end
    i32.const 300)

  ;; 2 instructions = 4, plus pages x 8192 charged before the grow
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow)

  ;; $add1: 3 instructions = 6
  (func $add1 (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)

  ;; 2 instructions = 4, plus $add1's 6: total 10
  (func (export "call") (result i32)
    i32.const 41
    call $add1)

  ;; empty block: no prologue inside it; body 2 = 4
  (func (export "empty_block") (result i32)
    block
    end
    i32.const 0))
