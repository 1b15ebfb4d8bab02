;; HOSTILE result: the returned Region pointer is 131068, the last 4 bytes of the 2-page memory: the
;; 12-byte Region struct itself runs past the end.
(module
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    (i32.const 131068))
)
