package io.arcanum.wasm.validate;

import com.dylibso.chicory.wasm.types.OpCode;

/**
 * Which instructions a contract may contain: wasm MVP integer and control instructions plus
 * sign-extension (cosmwasm-abi.md §8 rule 1). Floats are refused outright (Secret refuses them at
 * instantiate, §5.3; Arcanum already at upload), as are SIMD, bulk memory, reference types, tail
 * calls, exceptions, threads and GC.
 */
final class InstructionPolicy {
  private InstructionPolicy() {}

  /** The rule {@code opcode} breaks, or {@code null} if it is allowed. */
  static ValidationRule check(OpCode opcode) {
    int code = opcode.opcode();
    if (code > 0xFF) {
      int prefix = code >>> 8;
      if (prefix == 0xFD) {
        return ValidationRule.SIMD_INSTRUCTION;
      }
      if (prefix == 0xFC && (code & 0xFF) <= 0x07) {
        return ValidationRule.FLOAT_INSTRUCTION; // saturating float-to-int truncation
      }
      return ValidationRule.UNSUPPORTED_INSTRUCTION;
    }
    if (isFloat(code)) {
      return ValidationRule.FLOAT_INSTRUCTION;
    }
    return isAllowedInteger(code) ? null : ValidationRule.UNSUPPORTED_INSTRUCTION;
  }

  private static boolean isFloat(int code) {
    return code == 0x2A
        || code == 0x2B // f32/f64.load
        || code == 0x38
        || code == 0x39 // f32/f64.store
        || code == 0x43
        || code == 0x44 // f32/f64.const
        || (code >= 0x5B && code <= 0x66) // comparisons
        || (code >= 0x8B && code <= 0xA6) // arithmetic
        || (code >= 0xA8 && code <= 0xBF && code != 0xAC && code != 0xAD); // conversions
  }

  private static boolean isAllowedInteger(int code) {
    return code <= 0x05 // unreachable, nop, block, loop, if, else
        || (code >= 0x0B && code <= 0x11) // end, br, br_if, br_table, return, call, call_indirect
        || code == 0x1A
        || code == 0x1B // drop, untyped select
        || (code >= 0x20 && code <= 0x24) // local and global access
        || (code >= 0x28 && code <= 0x42) // integer loads/stores, memory.size/grow, i32/i64.const
        || (code >= 0x45 && code <= 0x5A) // integer comparisons
        || (code >= 0x67 && code <= 0x8A) // integer arithmetic
        || code == 0xA7
        || code == 0xAC
        || code == 0xAD // i32.wrap_i64, i64.extend_i32_s/u
        || (code >= 0xC0 && code <= 0xC4); // sign-extension
  }

  /** The text-format name of an opcode, e.g. {@code i32.trunc_sat_f64_s}, for messages. */
  static String textName(OpCode opcode) {
    String name = opcode.name().toLowerCase(java.util.Locale.ROOT).replace("atomic_", "atomic.");
    int underscore = name.indexOf('_');
    if (underscore < 0) {
      return name;
    }
    String head = name.substring(0, underscore);
    if (head.equals("i32")
        || head.equals("i64")
        || head.equals("f32")
        || head.equals("f64")
        || head.equals("v128")
        || head.equals("memory")
        || head.equals("table")
        || head.equals("local")
        || head.equals("global")
        || head.equals("ref")
        || head.equals("data")
        || head.equals("elem")
        || head.matches("[if]\\d+x\\d+")) {
      return head + "." + name.substring(underscore + 1);
    }
    return name;
  }
}
