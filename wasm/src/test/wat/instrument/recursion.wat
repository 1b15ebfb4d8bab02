;; Call-depth bound. Weights (1 + params + locals): $infinite, $bounded, $indirect 2; $heavy 10;
;; $leaf, $leaf_indirect 1. call_indirect of type $t weighs 10, the heaviest defined (i32) -> i32
;; function; call_indirect of type $v weighs 1.
(module
  (type $t (func (param i32) (result i32)))
  (type $v (func))
  (table 3 funcref)
  (elem (i32.const 0) $indirect $heavy $leaf_indirect)

  (func $infinite (export "infinite") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
    call $infinite)

  ;; returns n after n nested calls
  (func $bounded (export "bounded") (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0
      i32.const 1
      i32.sub
      call $bounded
      i32.const 1
      i32.add
    end)

  ;; returns n after n nested call_indirect through table slot 0
  (func $indirect (export "indirect") (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0
      i32.const 1
      i32.sub
      i32.const 0
      call_indirect (type $t)
      i32.const 1
      i32.add
    end)

  (func $heavy (export "heavy") (param i32) (result i32)
    (local i64 i64 i64 i64 i64 i64 i64 i64)
    local.get 0)

  ;; weight 1: the most calls per weight unit, the worst case for the JVM stack
  (func $leaf (export "leaf")
    call $leaf)

  ;; weight 1 through call_indirect (table slot 2 is itself)
  (func $leaf_indirect (export "leaf_indirect")
    i32.const 2
    call_indirect (type $v)))
