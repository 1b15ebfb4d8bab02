;; HOST db_read inside a v1 query(env, msg): reading is allowed. msg = the key.
;; Present -> {"Ok":"e30="} (ok); absent -> {"Err":"not found"} (contract_error).
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
;;@include lib/rt.wat
  (data (i32.const 1024) "{\"Err\":\"not found\"}")   ;; 19 bytes
  (func (export "interface_version_8"))
  (func (export "instantiate") (param i32 i32 i32) (result i32) (call $ok_v1))
  (func (export "query") (param $env i32) (param $msg i32) (result i32)
    (if (i32.eqz (call $db_read (local.get $msg)))
      (then (return (call $region (i32.const 1024) (i32.const 19)))))
    (call $ok_query))
)
