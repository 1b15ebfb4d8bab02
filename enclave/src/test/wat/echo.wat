;; Echo: a CosmWasm 1.x test contract whose execute message IS its response, so a test can make a
;; contract send any sub-message (bank, wasm with gas_limit, update_admin, any reply_on) that the
;; example contracts cannot:
;;   execute(msg)  stores msg under the key "exec" (quotes included), then
;;                 - if msg starts with '{': returns {"Ok":msg}, i.e. msg is the Response JSON;
;;                 - otherwise (say the JSON string "loop"): loops until it runs out of gas;
;;   reply(msg)    stores the Reply it was given under "reply" (quotes included), empty response;
;;   query(msg)    returns the value stored under the key msg (e.g. "reply" or "exec"), or "";
;;   migrate       returns an empty response (a contract to migrate to).
;; Rebuild: wat2wasm echo.wat -o ../resources/io/arcanum/enclave/compute/echo.wasm
(module
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 4096))
  ;; key "exec" (with quotes, 6 bytes) at 16 and its Region at 32
  (data (i32.const 16) "\22exec\22")
  (data (i32.const 32) "\10\00\00\00\06\00\00\00\06\00\00\00")
  ;; key "reply" (with quotes, 7 bytes) at 48 and its Region at 64
  (data (i32.const 48) "\22reply\22")
  (data (i32.const 64) "\30\00\00\00\07\00\00\00\07\00\00\00")
  ;; the empty response (62 bytes) at 512 and its Region at 80
  (data (i32.const 80) "\00\02\00\00\3e\00\00\00\3e\00\00\00")
  (data (i32.const 512) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
  ;; base64 alphabet
  (data (i32.const 768) "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  ;; envelope pieces: {"Ok": (6) and } (1); {"Ok":" (7) and "} (2)
  (data (i32.const 840) "{\"Ok\":")
  (data (i32.const 848) "}")
  (data (i32.const 856) "{\"Ok\":\"")
  (data (i32.const 864) "\"}")
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
  (func (export "instantiate") (param i32 i32 i32) (result i32) (i32.const 80))
  (func (export "migrate") (param i32 i32) (result i32) (i32.const 80))
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
  (func (export "execute") (param i32) (param i32) (param $msg i32) (result i32)
    (local $ptr i32) (local $len i32) (local $out i32) (local $buf i32)
    (call $db_write (i32.const 32) (local.get $msg))
    (local.set $ptr (i32.load (local.get $msg)))
    (local.set $len (i32.load offset=8 (local.get $msg)))
    (if (i32.ne (i32.load8_u (local.get $ptr)) (i32.const 123))
      (then (loop $forever (br $forever))))
    (local.set $out (call $allocate (i32.add (local.get $len) (i32.const 7))))
    (local.set $buf (i32.load (local.get $out)))
    (call $copy (i32.const 840) (i32.const 6) (local.get $buf))
    (call $copy (local.get $ptr) (local.get $len) (i32.add (local.get $buf) (i32.const 6)))
    (i32.store8 (i32.add (local.get $buf) (i32.add (local.get $len) (i32.const 6))) (i32.const 125))
    (i32.store offset=8 (local.get $out) (i32.add (local.get $len) (i32.const 7)))
    (local.get $out))
  (func (export "reply") (param i32) (param $msg i32) (result i32)
    (call $db_write (i32.const 64) (local.get $msg))
    (i32.const 80))
  (func (export "query") (param i32) (param $msg i32) (result i32)
    (local $r i32) (local $ptr i32) (local $len i32) (local $out i32) (local $buf i32) (local $n i32)
    (local.set $r (call $db_read (local.get $msg)))
    (if (local.get $r)
      (then
        (local.set $ptr (i32.load (local.get $r)))
        (local.set $len (i32.load offset=8 (local.get $r)))))
    (local.set $out
      (call $allocate (i32.add (i32.mul (local.get $len) (i32.const 2)) (i32.const 16))))
    (local.set $buf (i32.load (local.get $out)))
    (call $copy (i32.const 856) (i32.const 7) (local.get $buf))
    (local.set $n
      (call $b64 (local.get $ptr) (local.get $len) (i32.add (local.get $buf) (i32.const 7))))
    (call $copy (i32.const 864) (i32.const 2) (i32.add (local.get $buf) (i32.add (local.get $n) (i32.const 7))))
    (i32.store offset=8 (local.get $out) (i32.add (local.get $n) (i32.const 9)))
    (local.get $out)))
