;; GAS: a v1 execute call that spends exactly 1 000 gas.
;;   allocate x 3 (env, info, msg)        3 x 38 = 114
;;   execute body: 442 nop + i32.const   443 x 2 = 886
;;                                        total  1 000
;; gasLimit 1000 -> ok, gasUsed 1000; 999 -> out_of_gas (the body's charge of 886 finds 885);
;; 100 -> out_of_gas while the host is still calling allocate for the arguments (the VM must
;; report that as out of gas, not as an allocation failure).
(module
;;@include lib/gas_rt.wat
  (func (export "execute") (param $env i32) (param $info i32) (param $msg i32) (result i32)
    nop nop nop nop nop nop nop nop nop nop   ;;   1- 10
    nop nop nop nop nop nop nop nop nop nop   ;;  11- 20
    nop nop nop nop nop nop nop nop nop nop   ;;  21- 30
    nop nop nop nop nop nop nop nop nop nop   ;;  31- 40
    nop nop nop nop nop nop nop nop nop nop   ;;  41- 50
    nop nop nop nop nop nop nop nop nop nop   ;;  51- 60
    nop nop nop nop nop nop nop nop nop nop   ;;  61- 70
    nop nop nop nop nop nop nop nop nop nop   ;;  71- 80
    nop nop nop nop nop nop nop nop nop nop   ;;  81- 90
    nop nop nop nop nop nop nop nop nop nop   ;;  91-100
    nop nop nop nop nop nop nop nop nop nop   ;; 101-110
    nop nop nop nop nop nop nop nop nop nop   ;; 111-120
    nop nop nop nop nop nop nop nop nop nop   ;; 121-130
    nop nop nop nop nop nop nop nop nop nop   ;; 131-140
    nop nop nop nop nop nop nop nop nop nop   ;; 141-150
    nop nop nop nop nop nop nop nop nop nop   ;; 151-160
    nop nop nop nop nop nop nop nop nop nop   ;; 161-170
    nop nop nop nop nop nop nop nop nop nop   ;; 171-180
    nop nop nop nop nop nop nop nop nop nop   ;; 181-190
    nop nop nop nop nop nop nop nop nop nop   ;; 191-200
    nop nop nop nop nop nop nop nop nop nop   ;; 201-210
    nop nop nop nop nop nop nop nop nop nop   ;; 211-220
    nop nop nop nop nop nop nop nop nop nop   ;; 221-230
    nop nop nop nop nop nop nop nop nop nop   ;; 231-240
    nop nop nop nop nop nop nop nop nop nop   ;; 241-250
    nop nop nop nop nop nop nop nop nop nop   ;; 251-260
    nop nop nop nop nop nop nop nop nop nop   ;; 261-270
    nop nop nop nop nop nop nop nop nop nop   ;; 271-280
    nop nop nop nop nop nop nop nop nop nop   ;; 281-290
    nop nop nop nop nop nop nop nop nop nop   ;; 291-300
    nop nop nop nop nop nop nop nop nop nop   ;; 301-310
    nop nop nop nop nop nop nop nop nop nop   ;; 311-320
    nop nop nop nop nop nop nop nop nop nop   ;; 321-330
    nop nop nop nop nop nop nop nop nop nop   ;; 331-340
    nop nop nop nop nop nop nop nop nop nop   ;; 341-350
    nop nop nop nop nop nop nop nop nop nop   ;; 351-360
    nop nop nop nop nop nop nop nop nop nop   ;; 361-370
    nop nop nop nop nop nop nop nop nop nop   ;; 371-380
    nop nop nop nop nop nop nop nop nop nop   ;; 381-390
    nop nop nop nop nop nop nop nop nop nop   ;; 391-400
    nop nop nop nop nop nop nop nop nop nop   ;; 401-410
    nop nop nop nop nop nop nop nop nop nop   ;; 411-420
    nop nop nop nop nop nop nop nop nop nop   ;; 421-430
    nop nop nop nop nop nop nop nop nop nop   ;; 431-440
    nop nop                                   ;; 441-442
    i32.const 16))                            ;; 443: the Ok result Region
