;; Programs whose results must not change under instrumentation.
(module
  (memory 1)
  (global $calls (mut i64) (i64.const 0))

  (func $fib (export "fib") (param $n i32) (result i64)
    global.get $calls
    i64.const 1
    i64.add
    global.set $calls
    local.get $n
    i32.const 2
    i32.lt_u
    if (result i64)
      local.get $n
      i64.extend_i32_u
    else
      local.get $n
      i32.const 1
      i32.sub
      call $fib
      local.get $n
      i32.const 2
      i32.sub
      call $fib
      i64.add
    end)

  (func (export "calls") (result i64)
    global.get $calls)

  (func (export "switch") (param i32) (result i32)
    block $d
      block $c
        block $b
          block $a
            local.get 0
            br_table $a $b $c $d
          end
          i32.const 11
          return
        end
        i32.const 22
        return
      end
      i32.const 33
      return
    end
    i32.const 44)

  ;; writes i*i for i < n as i64 at 8*i, then sums them back with sign-extension ops
  (func (export "memory_sum") (param $n i32) (result i64)
    (local $i i32) (local $sum i64)
    block $done
      loop $write
        local.get $i
        local.get $n
        i32.ge_u
        br_if $done
        local.get $i
        i32.const 8
        i32.mul
        local.get $i
        local.get $i
        i32.mul
        i64.extend_i32_u
        i64.store
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br $write
      end
    end
    i32.const 0
    local.set $i
    block $done2
      loop $read
        local.get $i
        local.get $n
        i32.ge_u
        br_if $done2
        local.get $sum
        local.get $i
        i32.const 8
        i32.mul
        i64.load
        i64.add
        local.get $i
        i32.load8_u
        i32.extend8_s
        i64.extend_i32_s
        i64.add
        local.set $sum
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br $read
      end
    end
    local.get $sum)

  ;; grows by n pages and returns the new size in pages
  (func (export "grow_size") (param i32) (result i32)
    local.get 0
    memory.grow
    drop
    memory.size)

  (func $gcd (export "gcd") (param $a i64) (param $b i64) (result i64)
    local.get $b
    i64.eqz
    if (result i64)
      local.get $a
    else
      local.get $b
      local.get $a
      local.get $b
      i64.rem_u
      call $gcd
    end))
