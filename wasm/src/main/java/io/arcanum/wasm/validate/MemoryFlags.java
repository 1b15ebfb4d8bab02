package io.arcanum.wasm.validate;

/**
 * Reads whether the module's memory declares a maximum. Chicory's {@code MemoryLimits} fills in a
 * default maximum when none is declared, so the flag byte of the memory section (wasm spec §5.3.8
 * limits: 0x00 = min only, 0x01 = min and max) is read from the raw bytes instead.
 */
final class MemoryFlags {
  private static final int MEMORY_SECTION = 5;

  private MemoryFlags() {}

  /** Whether any memory in the memory section declares a maximum; the module already parsed. */
  static boolean declaresMaximum(byte[] wasm) {
    int[] pos = {8};
    while (pos[0] < wasm.length) {
      int id = wasm[pos[0]++] & 0xFF;
      int size = readU32(wasm, pos);
      int end = pos[0] + size;
      if (id == MEMORY_SECTION) {
        int count = readU32(wasm, pos);
        for (int i = 0; i < count; i++) {
          int flags = wasm[pos[0]++] & 0xFF;
          if ((flags & 0x01) != 0) {
            return true;
          }
          readU32(wasm, pos); // initial; no maximum follows
        }
        return false;
      }
      pos[0] = end;
    }
    return false;
  }

  private static int readU32(byte[] bytes, int[] pos) {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = bytes[pos[0]++] & 0xFF;
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new WasmValidationException(ValidationRule.INVALID_MODULE, "LEB128 longer than 5 bytes");
  }
}
