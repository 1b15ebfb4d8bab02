;; no sections at all
(module)
