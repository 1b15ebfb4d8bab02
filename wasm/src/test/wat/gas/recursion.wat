;; GAS: plain recursion; each call charges its callee's body and the arm it takes.
;; msg = n (u32 LE). $rec(n) returns n by recursing n times; execute checks the answer.
;;   $rec body (3 instructions)       6 per call, n + 1 calls
;;   then-arm (1 instruction)         2 once (n = 0)
;;   else-arm (6 instructions)       12 per call with n > 0
;;   -> $rec(n) costs 18 n + 8
;;   allocate x 3 = 114; execute body (9 instructions) = 18
;;   total = 140 + 18 n;   n = 0 -> 140, n = 100 -> 1 940
;; Depth 100 must run on every reasonable call-depth bound (hostile/ has the unbounded case).
(module
;;@include lib/gas_rt.wat
  (func $rec (param $n i32) (result i32)
    local.get $n            ;; 1
    i32.eqz                 ;; 2
    if (result i32)         ;; 3
      i32.const 0           ;;    t1
    else
      local.get $n          ;;    e1
      i32.const 1           ;;    e2
      i32.sub               ;;    e3
      call $rec             ;;    e4
      i32.const 1           ;;    e5
      i32.add               ;;    e6
    end)

  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $n i32)
    local.get $msg          ;; 1
    i32.load                ;; 2
    i32.load                ;; 3  n
    local.tee $n            ;; 4
    call $rec               ;; 5
    local.get $n            ;; 6
    i32.ne                  ;; 7
    if                      ;; 8
      i32.const 32          ;;    t1  Err (cannot happen)
      return                ;;    t2
    end
    i32.const 16))          ;; 9  Ok
