;; Measures each host function's gas charge (cosmwasm-abi.md §6.3). execute(env, info, msg) reads
;; msg[0] = 2 × i + s and makes call i of the table below to the import (s = 0) or to a local
;; stand-in of the same signature whose body is one instruction (s = 1, 2 gas). Both paths run the
;; same instructions otherwise, so  charge(import) = gas(s = 0) − gas(s = 1) + 2.  Arguments are
;; Regions chosen so no host function allocates (wrong lengths give an error code, sign keys are
;; 31 bytes, the read key is absent, the address is valid): 32 zero bytes at 64 (Region at 16),
;; 31 of them (Region at 32), LocalSecret account a at 200 (Region at 48).
;; The selector order is the table in HostCostTest.
(module
  (import "env" "secp256k1_verify" (func $secp256k1_verify (param i32 i32 i32) (result i32)))
  (import "env" "secp256k1_recover_pubkey" (func $secp256k1_recover_pubkey (param i32 i32 i32) (result i64)))
  (import "env" "ed25519_verify" (func $ed25519_verify (param i32 i32 i32) (result i32)))
  (import "env" "ed25519_batch_verify" (func $ed25519_batch_verify (param i32 i32 i32) (result i32)))
  (import "env" "secp256k1_sign" (func $secp256k1_sign (param i32 i32) (result i64)))
  (import "env" "ed25519_sign" (func $ed25519_sign (param i32 i32) (result i64)))
  (import "env" "dcap_quote_verify" (func $dcap_quote_verify (param i32 i32) (result i64)))
  (import "env" "addr_validate" (func $addr_validate (param i32) (result i32)))
  (import "env" "check_gas" (func $check_gas (result i64)))
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "db_remove" (func $db_remove (param i32)))
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (data (i32.const 16) "\40\00\00\00\20\00\00\00\20\00\00\00")
  (data (i32.const 32) "\40\00\00\00\1f\00\00\00\1f\00\00\00")
  (data (i32.const 200) "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03")
  (data (i32.const 48) "\c8\00\00\00\2d\00\00\00\2d\00\00\00")
  (data (i32.const 128) "{\"Ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}}")
  (data (i32.const 112) "\80\00\00\00\3e\00\00\00\3e\00\00\00")
  (func (export "interface_version_8"))
  (func (export "allocate") (param $size i32) (result i32)
    (local $region i32)
    global.get $heap
    local.tee $region
    local.get $region
    i32.const 12
    i32.add
    i32.store
    local.get $region
    local.get $size
    i32.store offset=4
    local.get $region
    i32.const 0
    i32.store offset=8
    local.get $region
    i32.const 12
    i32.add
    local.get $size
    i32.add
    global.set $heap
    local.get $region)
  (func (export "deallocate") (param i32))
  (func (export "instantiate") (param i32 i32 i32) (result i32)
    i32.const 112)
  (func $secp256k1_verify_standin (param i32 i32 i32) (result i32) i32.const 0)
  (func $secp256k1_recover_pubkey_standin (param i32 i32 i32) (result i64) i64.const 0)
  (func $ed25519_verify_standin (param i32 i32 i32) (result i32) i32.const 0)
  (func $ed25519_batch_verify_standin (param i32 i32 i32) (result i32) i32.const 0)
  (func $secp256k1_sign_standin (param i32 i32) (result i64) i64.const 0)
  (func $ed25519_sign_standin (param i32 i32) (result i64) i64.const 0)
  (func $dcap_quote_verify_standin (param i32 i32) (result i64) i64.const 0)
  (func $addr_validate_standin (param i32) (result i32) i32.const 0)
  (func $check_gas_standin (result i64) i64.const 0)
  (func $db_write_standin (param i32 i32) nop)
  (func $db_remove_standin (param i32) nop)
  (func $db_read_standin (param i32) (result i32) i32.const 0)
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (local $selector i32)
    local.get $msg
    i32.load
    i32.load8_u
    local.set $selector
    local.get $selector
    i32.const 0
    i32.eq
    if
      (call $secp256k1_verify (i32.const 16) (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 1
    i32.eq
    if
      (call $secp256k1_verify_standin (i32.const 16) (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 2
    i32.eq
    if
      (call $secp256k1_recover_pubkey (i32.const 16) (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 3
    i32.eq
    if
      (call $secp256k1_recover_pubkey_standin (i32.const 16) (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 4
    i32.eq
    if
      (call $ed25519_verify (i32.const 16) (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 5
    i32.eq
    if
      (call $ed25519_verify_standin (i32.const 16) (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 6
    i32.eq
    if
      (call $ed25519_batch_verify (i32.const 16) (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 7
    i32.eq
    if
      (call $ed25519_batch_verify_standin (i32.const 16) (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 8
    i32.eq
    if
      (call $secp256k1_sign (i32.const 16) (i32.const 32))
      drop
    end
    local.get $selector
    i32.const 9
    i32.eq
    if
      (call $secp256k1_sign_standin (i32.const 16) (i32.const 32))
      drop
    end
    local.get $selector
    i32.const 10
    i32.eq
    if
      (call $ed25519_sign (i32.const 16) (i32.const 32))
      drop
    end
    local.get $selector
    i32.const 11
    i32.eq
    if
      (call $ed25519_sign_standin (i32.const 16) (i32.const 32))
      drop
    end
    local.get $selector
    i32.const 12
    i32.eq
    if
      (call $dcap_quote_verify (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 13
    i32.eq
    if
      (call $dcap_quote_verify_standin (i32.const 16) (i32.const 16))
      drop
    end
    local.get $selector
    i32.const 14
    i32.eq
    if
      (call $addr_validate (i32.const 48))
      drop
    end
    local.get $selector
    i32.const 15
    i32.eq
    if
      (call $addr_validate_standin (i32.const 48))
      drop
    end
    local.get $selector
    i32.const 16
    i32.eq
    if
      (call $check_gas )
      drop
    end
    local.get $selector
    i32.const 17
    i32.eq
    if
      (call $check_gas_standin )
      drop
    end
    local.get $selector
    i32.const 18
    i32.eq
    if
      (call $db_write (i32.const 16) (i32.const 16))
      nop
    end
    local.get $selector
    i32.const 19
    i32.eq
    if
      (call $db_write_standin (i32.const 16) (i32.const 16))
      nop
    end
    local.get $selector
    i32.const 20
    i32.eq
    if
      (call $db_remove (i32.const 16))
      nop
    end
    local.get $selector
    i32.const 21
    i32.eq
    if
      (call $db_remove_standin (i32.const 16))
      nop
    end
    local.get $selector
    i32.const 22
    i32.eq
    if
      (call $db_read (i32.const 32))
      drop
    end
    local.get $selector
    i32.const 23
    i32.eq
    if
      (call $db_read_standin (i32.const 32))
      drop
    end
    i32.const 112))
