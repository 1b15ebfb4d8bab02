;; A compute-bound CosmWasm 1.x module for measuring gas-instrumentation overhead: spin(n) runs a
;; loop of n iterations with a call, a branch and arithmetic in each, like contract code does.
(module
  (memory 1)
  (func (export "interface_version_8"))
  (func (export "allocate") (param i32) (result i32) i32.const 8)
  (func (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32) i32.const 0)
  (func $mix (param $x i32) (param $i i32) (result i32)
    local.get $x
    i32.const 31
    i32.mul
    local.get $i
    i32.xor
    i32.const 7
    i32.rotl)
  (func (export "spin") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    block $done
      loop $again
        local.get $i
        local.get $n
        i32.ge_u
        br_if $done
        local.get $acc
        local.get $i
        call $mix
        local.set $acc
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br $again
      end
    end
    local.get $acc))
