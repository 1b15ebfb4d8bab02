  ;; ===================================================================================
  ;; lib/gas_rt.wat — shared runtime for the exact-gas fixtures (gas/ and some hostile/).
  ;; build.sh pastes this file where a fixture says ";;@include lib/gas_rt.wat" (after imports).
  ;;
  ;; Everything here has a FIXED gas cost (cosmwasm-abi.md §6.2: 2 per instruction directly in a
  ;; sequence, charged when the sequence is entered):
  ;;   allocate    19 instructions, no branches          -> 38 gas per call, whatever the size
  ;;   deallocate  empty body                            ->  0 gas (so it does not matter whether
  ;;                                                         the VM calls it on the result)
  ;; A v1 execute call therefore spends 3 x 38 = 114 gas in allocate for env, info and msg
  ;; before the entry point runs.
  ;;
  ;; Memory: 2 pages, never grown by this library. Static data below 1024; the bump heap starts at
  ;; 4096 and does not grow memory, so env + info + msg + host outputs must stay under ~124 KiB.
  ;; Results are static Regions (returning one costs a single i32.const):
  ;;   16 -> Region over the v1 Ok envelope at 64 (62 bytes)
  ;;   32 -> Region over {"Err":"gas fixture check failed"} at 256 (34 bytes)
  ;; ===================================================================================
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 4096))

  (data (i32.const 16) "\40\00\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 64) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
  (data (i32.const 32) "\00\01\00\00\22\00\00\00\22\00\00\00")
  (data (i32.const 256) "{\"Err\":\"gas fixture check failed\"}")

  (func (export "interface_version_8"))

  (func $allocate (export "allocate") (param $size i32) (result i32)
    (local $r i32)
    global.get $heap        ;;  1
    local.tee $r            ;;  2
    local.get $r            ;;  3
    i32.const 12            ;;  4
    i32.add                 ;;  5
    i32.store               ;;  6  Region.offset   = r + 12
    local.get $r            ;;  7
    local.get $size         ;;  8
    i32.store offset=4      ;;  9  Region.capacity = size
    local.get $r            ;; 10
    i32.const 0             ;; 11
    i32.store offset=8      ;; 12  Region.length   = 0
    local.get $r            ;; 13
    i32.const 12            ;; 14
    i32.add                 ;; 15
    local.get $size         ;; 16
    i32.add                 ;; 17
    global.set $heap        ;; 18  heap = r + 12 + size
    local.get $r)           ;; 19  -> 38 gas

  (func $deallocate (export "deallocate") (param i32))   ;; 0 instructions -> 0 gas

  (func (export "instantiate") (param i32 i32 i32) (result i32)
    i32.const 16)
  ;; ============================== end of lib/gas_rt.wat ==============================
