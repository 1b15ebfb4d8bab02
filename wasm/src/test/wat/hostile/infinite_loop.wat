;; HOSTILE: execute spins forever (loop; br 0). Only the gas meter can stop it: the call must end
;; with out of gas, never hang or depend on a timeout. Loop body = 1 instruction (br), so each
;; iteration costs 2.
(module
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (loop $forever
      (br $forever))
    (i32.const 16))
)
