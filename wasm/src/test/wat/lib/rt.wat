  ;; ===================================================================================
  ;; lib/rt.wat — shared runtime for host/, traps/ and hostile/ fixtures.
  ;; build.sh pastes this file where a fixture says ";;@include lib/rt.wat", which must be
  ;; AFTER the fixture's imports (the text format wants imports before definitions).
  ;; The including fixture must import  env.db_write as $db_write  (used by the $put_* helpers).
  ;;
  ;; Memory map:
  ;;   0 .. 511      unused (address 0 stays unused so no valid Region or buffer lives there)
  ;;   512 .. 1023   this library's static data (storage keys, standard result envelopes)
  ;;   1024 .. 65535 the fixture's own static data
  ;;   65536 ..      heap of the bump allocator; grows memory on demand (cap: 192 pages)
  ;; ===================================================================================
  (memory (export "memory") 2)

  (global $heap (mut i32) (i32.const 65536))

  ;; Storage keys written by the $put_* helpers (documented in README.md and fixtures.json).
  (data (i32.const 512) "out")     ;; 512, 3 bytes  — bytes returned by the host
  (data (i32.const 516) "code")    ;; 516, 4 bytes  — u32 little-endian result code
  (data (i32.const 520) "err")     ;; 520, 3 bytes  — error message the host returned
  (data (i32.const 524) "done")    ;; 524, 4 bytes  — written last; proves execution went on

  ;; Standard results (Secret casing, cosmwasm-abi.md §3.7).
  ;; 600: v1 execute/instantiate Ok, 62 bytes
  (data (i32.const 600) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
  ;; 700: v0.10 handle Ok, 43 bytes
  (data (i32.const 700) "{\"Ok\":{\"messages\":[],\"log\":[],\"data\":null}}")
  ;; 760: v0.10 init Ok (InitResponse has no data field), 31 bytes
  (data (i32.const 760) "{\"Ok\":{\"messages\":[],\"log\":[]}}")
  ;; 800: query Ok, base64 of "{}", 13 bytes
  (data (i32.const 800) "{\"Ok\":\"e30=\"}")

  ;; allocate(size) -> pointer to a fresh 12-byte Region {offset, capacity = size, length = 0}
  ;; whose buffer follows it. Bump allocator, 8-byte aligned, never frees. Grows memory when the
  ;; heap runs past the end; returns 0 when that is impossible (the host must treat 0 as failure).
  (func $allocate (export "allocate") (param $size i32) (result i32)
    (local $r i32) (local $end i32) (local $have i32)
    (local.set $r (global.get $heap))
    ;; end = align8(r + 12 + size); a wrap-around means "too big"
    (local.set $end
      (i32.and (i32.add (i32.add (local.get $r) (i32.add (local.get $size) (i32.const 12)))
                        (i32.const 7))
               (i32.const -8)))
    (if (i32.lt_u (local.get $end) (local.get $r)) (then (return (i32.const 0))))
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $have))
      (then
        (if (i32.eq
              (memory.grow
                (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have)) (i32.const 65535))
                           (i32.const 16)))
              (i32.const -1))
          (then (return (i32.const 0))))))
    (i32.store (local.get $r) (i32.add (local.get $r) (i32.const 12)))   ;; offset
    (i32.store offset=4 (local.get $r) (local.get $size))                ;; capacity
    (i32.store offset=8 (local.get $r) (i32.const 0))                    ;; length
    (global.set $heap (local.get $end))
    (local.get $r))

  ;; deallocate: the bump allocator never frees. The host may call this on the result Region.
  (func $deallocate (export "deallocate") (param i32))

  ;; Region accessors
  (func $off (param $reg i32) (result i32) (i32.load (local.get $reg)))
  (func $len (param $reg i32) (result i32) (i32.load offset=8 (local.get $reg)))

  ;; region(ptr, len) -> new Region {ptr, len, len} describing bytes that already exist
  ;; (capacity = length, as cosmwasm-std builds input Regions for the host).
  (func $region (param $ptr i32) (param $len i32) (result i32)
    (local $r i32)
    (local.set $r (call $allocate (i32.const 0)))
    (i32.store (local.get $r) (local.get $ptr))
    (i32.store offset=4 (local.get $r) (local.get $len))
    (i32.store offset=8 (local.get $r) (local.get $len))
    (local.get $r))

  ;; storage helpers: db_write(key, value) with freshly built input Regions
  (func $put (param $k i32) (param $kl i32) (param $v i32) (param $vl i32)
    (call $db_write (call $region (local.get $k) (local.get $kl))
                    (call $region (local.get $v) (local.get $vl))))
  ;; value = 4-byte little-endian u32
  (func $put_u32 (param $k i32) (param $kl i32) (param $x i32)
    (local $b i32)
    (local.set $b (call $off (call $allocate (i32.const 4))))
    (i32.store (local.get $b) (local.get $x))
    (call $put (local.get $k) (local.get $kl) (local.get $b) (i32.const 4)))
  ;; value = 8-byte little-endian u64
  (func $put_u64 (param $k i32) (param $kl i32) (param $x i64)
    (local $b i32)
    (local.set $b (call $off (call $allocate (i32.const 8))))
    (i64.store (local.get $b) (local.get $x))
    (call $put (local.get $k) (local.get $kl) (local.get $b) (i32.const 8)))
  ;; value = the bytes a Region describes
  (func $put_region (param $k i32) (param $kl i32) (param $reg i32)
    (call $put (local.get $k) (local.get $kl) (call $off (local.get $reg)) (call $len (local.get $reg))))

  (func $put_out (param $reg i32) (call $put_region (i32.const 512) (i32.const 3) (local.get $reg)))
  (func $put_code (param $x i32) (call $put_u32 (i32.const 516) (i32.const 4) (local.get $x)))
  (func $put_err (param $reg i32) (call $put_region (i32.const 520) (i32.const 3) (local.get $reg)))
  (func $put_done (call $put_u32 (i32.const 524) (i32.const 4) (i32.const 1)))

  ;; fields(msg) -> address of an array of Region pointers, one per field of the msg.
  ;; Multi-argument msgs are a sequence of fields, each a u32 little-endian length followed by
  ;; that many bytes (at most 8 fields). A zero-length field gives a Region of length 0.
  (func $fields (param $msg i32) (result i32)
    (local $p i32) (local $end i32) (local $arr i32) (local $n i32) (local $l i32)
    (local.set $arr (call $off (call $allocate (i32.const 32))))
    (local.set $p (call $off (local.get $msg)))
    (local.set $end (i32.add (local.get $p) (call $len (local.get $msg))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $l (i32.load (local.get $p)))
        (i32.store (i32.add (local.get $arr) (i32.shl (local.get $n) (i32.const 2)))
                   (call $region (i32.add (local.get $p) (i32.const 4)) (local.get $l)))
        (local.set $p (i32.add (local.get $p) (i32.add (local.get $l) (i32.const 4))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $arr))
  ;; field(array, i) -> the i-th field's Region
  (func $field (param $arr i32) (param $i i32) (result i32)
    (i32.load (i32.add (local.get $arr) (i32.shl (local.get $i) (i32.const 2)))))

  ;; result Regions for the standard envelopes
  (func $ok_v1 (result i32) (call $region (i32.const 600) (i32.const 62)))
  (func $ok_v010_handle (result i32) (call $region (i32.const 700) (i32.const 43)))
  (func $ok_v010_init (result i32) (call $region (i32.const 760) (i32.const 31)))
  (func $ok_query (result i32) (call $region (i32.const 800) (i32.const 13)))
  ;; ================================ end of lib/rt.wat ================================
