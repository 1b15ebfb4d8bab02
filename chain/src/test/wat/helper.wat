;; A CosmWasm 1.x helper contract for the compute module's tests, covering what the example
;; contracts do not:
;;   execute(msg)  asks the chain the QueryRequest in msg (query_chain) and returns the answer
;;                 (SystemResult JSON) base64 in data, so a test reads it from the tx response;
;;   migrate       returns one plaintext attribute action=migrated (a contract to migrate to);
;;   query         returns the value stored under "state" (the counter contract's key), so a test
;;                 can see a migrated contract still reads the state it had.
;; Rebuild: wat2wasm helper.wat -o ../resources/compute/helper.wasm
(module
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
  (import "env" "query_chain" (func $query_chain (param i32) (result i32)))
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 4096))
  ;; key "state" and its Region
  (data (i32.const 16) "state")
  (data (i32.const 32) "\10\00\00\00\05\00\00\00\05\00\00\00")
  ;; Regions of the migrate response (256) and of the empty response (512)
  (data (i32.const 48) "\00\01\00\00\73\00\00\00\73\00\00\00")
  (data (i32.const 64) "\00\02\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 256) "{\"Ok\":{\"messages\":[],\"attributes\":[{\"key\":\"action\",\"value\":\"migrated\",\"encrypted\":false}],\"events\":[],\"data\":null}}")
  (data (i32.const 512) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
  ;; base64 alphabet
  (data (i32.const 768) "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  ;; envelopes around base64: query (7 + 2), execute (57 + 3)
  (data (i32.const 840) "{\"Ok\":\"")
  (data (i32.const 848) "\"}")
  (data (i32.const 856) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":\"")
  (data (i32.const 920) "\"}}")
  (func (export "interface_version_8"))
  (func $allocate (export "allocate") (param $size i32) (result i32)
    (local $r i32)
    (local.set $r (global.get $heap))
    (i32.store (local.get $r) (i32.add (local.get $r) (i32.const 12)))
    (i32.store offset=4 (local.get $r) (local.get $size))
    (i32.store offset=8 (local.get $r) (i32.const 0))
    (global.set $heap (i32.add (i32.add (local.get $r) (i32.const 12)) (local.get $size)))
    (local.get $r))
  (func (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (i32.const 64))
  (func (export "migrate") (param i32 i32) (result i32) (i32.const 48))
  ;; one base64 character for the 6 bits of $n at $shift
  (func $char (param $n i32) (param $shift i32) (result i32)
    (i32.load8_u offset=768
      (i32.and (i32.shr_u (local.get $n) (local.get $shift)) (i32.const 63))))
  ;; base64 of [src, src+len) written at dst; returns the number of characters
  (func $b64 (param $src i32) (param $len i32) (param $dst i32) (result i32)
    (local $i i32) (local $o i32) (local $n i32) (local $rem i32)
    (block $done
      (loop $triples
        (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 3)) (local.get $len)))
        (local.set $n
          (i32.or
            (i32.or
              (i32.shl (i32.load8_u (i32.add (local.get $src) (local.get $i))) (i32.const 16))
              (i32.shl (i32.load8_u offset=1 (i32.add (local.get $src) (local.get $i))) (i32.const 8)))
            (i32.load8_u offset=2 (i32.add (local.get $src) (local.get $i)))))
        (i32.store8 (i32.add (local.get $dst) (local.get $o)) (call $char (local.get $n) (i32.const 18)))
        (i32.store8 offset=1 (i32.add (local.get $dst) (local.get $o)) (call $char (local.get $n) (i32.const 12)))
        (i32.store8 offset=2 (i32.add (local.get $dst) (local.get $o)) (call $char (local.get $n) (i32.const 6)))
        (i32.store8 offset=3 (i32.add (local.get $dst) (local.get $o)) (call $char (local.get $n) (i32.const 0)))
        (local.set $i (i32.add (local.get $i) (i32.const 3)))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $triples)))
    (local.set $rem (i32.sub (local.get $len) (local.get $i)))
    (if (i32.eqz (local.get $rem)) (then (return (local.get $o))))
    (local.set $n (i32.shl (i32.load8_u (i32.add (local.get $src) (local.get $i))) (i32.const 16)))
    (if (i32.eq (local.get $rem) (i32.const 2))
      (then
        (local.set $n
          (i32.or (local.get $n)
            (i32.shl (i32.load8_u offset=1 (i32.add (local.get $src) (local.get $i))) (i32.const 8))))))
    (i32.store8 (i32.add (local.get $dst) (local.get $o)) (call $char (local.get $n) (i32.const 18)))
    (i32.store8 offset=1 (i32.add (local.get $dst) (local.get $o)) (call $char (local.get $n) (i32.const 12)))
    (i32.store8 offset=2 (i32.add (local.get $dst) (local.get $o))
      (if (result i32) (i32.eq (local.get $rem) (i32.const 2))
        (then (call $char (local.get $n) (i32.const 6)))
        (else (i32.const 61))))
    (i32.store8 offset=3 (i32.add (local.get $dst) (local.get $o)) (i32.const 61))
    (i32.add (local.get $o) (i32.const 4)))
  ;; copies $len bytes from $src to $dst (no bulk memory in Secret's wasm)
  (func $copy (param $src i32) (param $len i32) (param $dst i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (i32.add (local.get $dst) (local.get $i))
          (i32.load8_u (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))
  ;; a new Region holding prefix ‖ base64([src, src+len)) ‖ suffix
  (func $wrap (param $pre i32) (param $prel i32) (param $src i32) (param $len i32)
              (param $suf i32) (param $sufl i32) (result i32)
    (local $out i32) (local $buf i32) (local $n i32)
    (local.set $out
      (call $allocate
        (i32.add (i32.mul (local.get $len) (i32.const 2)) (i32.add (local.get $prel) (i32.add (local.get $sufl) (i32.const 4))))))
    (local.set $buf (i32.load (local.get $out)))
    (call $copy (local.get $pre) (local.get $prel) (local.get $buf))
    (local.set $n
      (call $b64 (local.get $src) (local.get $len) (i32.add (local.get $buf) (local.get $prel))))
    (call $copy (local.get $suf) (local.get $sufl)
      (i32.add (i32.add (local.get $buf) (local.get $prel)) (local.get $n)))
    (i32.store offset=8 (local.get $out)
      (i32.add (local.get $n) (i32.add (local.get $prel) (local.get $sufl))))
    (local.get $out))
  (func (export "execute") (param i32) (param i32) (param $msg i32) (result i32)
    (local $answer i32)
    (local.set $answer (call $query_chain (local.get $msg)))
    (call $wrap (i32.const 856) (i32.const 57)
      (i32.load (local.get $answer)) (i32.load offset=8 (local.get $answer))
      (i32.const 920) (i32.const 3)))
  (func (export "query") (param i32 i32) (result i32)
    (local $r i32) (local $ptr i32) (local $len i32)
    (local.set $r (call $db_read (i32.const 32)))
    (if (local.get $r)
      (then
        (local.set $ptr (i32.load (local.get $r)))
        (local.set $len (i32.load offset=8 (local.get $r)))))
    (call $wrap (i32.const 840) (i32.const 7) (local.get $ptr) (local.get $len)
      (i32.const 848) (i32.const 2))))
