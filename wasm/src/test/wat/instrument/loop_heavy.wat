;; A loop-heavy program for the engine-agreement test: nested loops, if/else, br_if, br_table,
;; calls, memory traffic and a memory.grow, so every kind of charge occurs many times.
(module
  (memory 1)
  (func $mix (param $a i32) (param $b i32) (result i32)
    local.get $a
    i32.const 31
    i32.mul
    local.get $b
    i32.xor
    i32.const 7
    i32.rotl)

  (func $classify (param $x i32) (result i32)
    block $c
      block $b
        block $a
          local.get $x
          i32.const 3
          i32.and
          br_table $a $b $c $a
        end
        i32.const 1
        return
      end
      i32.const 2
      return
    end
    i32.const 3)

  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $acc i32)
    i32.const 0
    memory.grow
    drop
    loop $outer
      i32.const 0
      local.set $j
      loop $inner
        local.get $acc
        local.get $j
        call $mix
        local.set $acc
        local.get $j
        i32.const 4
        i32.mul
        local.get $acc
        i32.store
        local.get $acc
        call $classify
        i32.const 2
        i32.eq
        if
          local.get $acc
          local.get $j
          i32.const 4
          i32.mul
          i32.load
          i32.add
          local.set $acc
        else
          local.get $acc
          i32.const 1
          i32.add
          local.set $acc
        end
        local.get $j
        i32.const 1
        i32.add
        local.tee $j
        i32.const 16
        i32.lt_u
        br_if $inner
      end
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      local.get $n
      i32.lt_u
      br_if $outer
    end
    local.get $acc))
