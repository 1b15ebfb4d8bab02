;; wat2wasm-flags: --enable-exceptions
;; a tag section and try (0x06) in function 0
(module
  (tag $e)
  (func
    try
      throw $e
    catch $e
    end))
