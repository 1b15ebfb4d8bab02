;; i32.trunc_sat_f32_s (0xFC 0x00) in function 0
(module
  (func (param f32) (result i32)
    local.get 0
    i32.trunc_sat_f32_s))
