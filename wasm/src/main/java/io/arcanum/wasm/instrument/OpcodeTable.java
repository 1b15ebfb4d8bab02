package io.arcanum.wasm.instrument;

/**
 * The immediates of every wasm MVP + sign-extension instruction, indexed by opcode byte, and the
 * names and proposals of the single-byte and {@code 0xFC}-prefixed instructions outside that set
 * (for error messages). The code rewriter copies instructions verbatim and only needs to know where
 * each one ends.
 */
final class OpcodeTable {
  private OpcodeTable() {}

  /** Not an MVP + sign-extension instruction. */
  static final byte UNSUPPORTED = 0;

  /** No immediate. */
  static final byte NONE = 1;

  /** {@code block}, {@code loop}, {@code if}: a block type. */
  static final byte BLOCK_TYPE = 2;

  /** {@code br}, {@code br_if}, {@code local.*}, {@code global.*}: one u32. */
  static final byte U32 = 3;

  /** {@code br_table}: a vector of u32 labels and a default u32 label. */
  static final byte BR_TABLE = 4;

  /** {@code call_indirect}: a u32 type index and the reserved table byte 0x00. */
  static final byte CALL_INDIRECT = 5;

  /** Loads and stores: u32 alignment, u32 offset. */
  static final byte MEMARG = 6;

  /** {@code memory.size}, {@code memory.grow}: the reserved memory byte 0x00. */
  static final byte ZERO_BYTE = 7;

  /** {@code i32.const}: s32. */
  static final byte S32 = 8;

  /** {@code i64.const}: s64. */
  static final byte S64 = 9;

  /** {@code f32.const}: 4 bytes. */
  static final byte BYTES4 = 10;

  /** {@code f64.const}: 8 bytes. */
  static final byte BYTES8 = 11;

  static final int BLOCK = 0x02;
  static final int LOOP = 0x03;
  static final int IF = 0x04;
  static final int ELSE = 0x05;
  static final int END = 0x0B;
  static final int CALL = 0x10;
  static final int CALL_INDIRECT_OP = 0x11;
  static final int MEMORY_GROW = 0x40;

  private static final byte[] IMMEDIATES = new byte[256];
  private static final String[][] UNSUPPORTED_NAMES = new String[256][];
  private static final String[][] MISC_NAMES = {
    {"i32.trunc_sat_f32_s", "non-trapping float-to-int"},
    {"i32.trunc_sat_f32_u", "non-trapping float-to-int"},
    {"i32.trunc_sat_f64_s", "non-trapping float-to-int"},
    {"i32.trunc_sat_f64_u", "non-trapping float-to-int"},
    {"i64.trunc_sat_f32_s", "non-trapping float-to-int"},
    {"i64.trunc_sat_f32_u", "non-trapping float-to-int"},
    {"i64.trunc_sat_f64_s", "non-trapping float-to-int"},
    {"i64.trunc_sat_f64_u", "non-trapping float-to-int"},
    {"memory.init", "bulk memory"},
    {"data.drop", "bulk memory"},
    {"memory.copy", "bulk memory"},
    {"memory.fill", "bulk memory"},
    {"table.init", "bulk memory"},
    {"elem.drop", "bulk memory"},
    {"table.copy", "bulk memory"},
    {"table.grow", "reference types"},
    {"table.size", "reference types"},
    {"table.fill", "reference types"},
  };

  static {
    set(NONE, 0x00, 0x01); // unreachable, nop
    set(BLOCK_TYPE, 0x02, 0x04); // block, loop, if
    set(NONE, 0x05, 0x05); // else
    set(NONE, 0x0B, 0x0B); // end
    set(U32, 0x0C, 0x0D); // br, br_if
    set(BR_TABLE, 0x0E, 0x0E);
    set(NONE, 0x0F, 0x0F); // return
    set(U32, 0x10, 0x10); // call
    set(CALL_INDIRECT, 0x11, 0x11);
    set(NONE, 0x1A, 0x1B); // drop, select
    set(U32, 0x20, 0x24); // local.get/set/tee, global.get/set
    set(MEMARG, 0x28, 0x3E); // loads and stores
    set(ZERO_BYTE, 0x3F, 0x40); // memory.size, memory.grow
    set(S32, 0x41, 0x41);
    set(S64, 0x42, 0x42);
    set(BYTES4, 0x43, 0x43);
    set(BYTES8, 0x44, 0x44);
    set(NONE, 0x45, 0xBF); // numeric MVP
    set(NONE, 0xC0, 0xC4); // sign extension

    unsupported(0x06, "try", "exception handling");
    unsupported(0x07, "catch", "exception handling");
    unsupported(0x08, "throw", "exception handling");
    unsupported(0x09, "rethrow", "exception handling");
    unsupported(0x0A, "throw_ref", "exception handling");
    unsupported(0x12, "return_call", "tail calls");
    unsupported(0x13, "return_call_indirect", "tail calls");
    unsupported(0x14, "call_ref", "typed function references");
    unsupported(0x15, "return_call_ref", "tail calls");
    unsupported(0x18, "delegate", "exception handling");
    unsupported(0x19, "catch_all", "exception handling");
    unsupported(0x1C, "select with types", "reference types");
    unsupported(0x1F, "try_table", "exception handling");
    unsupported(0x25, "table.get", "reference types");
    unsupported(0x26, "table.set", "reference types");
    unsupported(0xD0, "ref.null", "reference types");
    unsupported(0xD1, "ref.is_null", "reference types");
    unsupported(0xD2, "ref.func", "reference types");
    unsupported(0xD3, "ref.eq", "garbage collection");
    unsupported(0xD4, "ref.as_non_null", "typed function references");
    unsupported(0xD5, "br_on_null", "typed function references");
    unsupported(0xD6, "br_on_non_null", "typed function references");
    unsupported(0xFB, "GC instruction", "garbage collection");
    unsupported(0xFC, "0xFC-prefixed instruction", "bulk memory / saturating truncation");
    unsupported(0xFD, "SIMD instruction", "SIMD");
    unsupported(0xFE, "atomic instruction", "threads");
  }

  private static void set(byte kind, int from, int to) {
    for (int op = from; op <= to; op++) {
      IMMEDIATES[op] = kind;
    }
  }

  private static void unsupported(int op, String name, String feature) {
    UNSUPPORTED_NAMES[op] = new String[] {name, feature};
  }

  /** The immediate kind of a single-byte opcode, {@link #UNSUPPORTED} outside MVP + sign-ext. */
  static byte immediates(int opcode) {
    return IMMEDIATES[opcode];
  }

  /** {name, proposal} of an unsupported single-byte opcode; a generic pair for unknown bytes. */
  static String[] describeUnsupported(int opcode) {
    String[] known = UNSUPPORTED_NAMES[opcode];
    return known != null ? known : new String[] {"unknown opcode", "not a wasm instruction"};
  }

  /** {name, proposal} of a {@code 0xFC}-prefixed instruction. */
  static String[] describeMisc(long subOpcode) {
    if (subOpcode >= 0 && subOpcode < MISC_NAMES.length) {
      return MISC_NAMES[(int) subOpcode];
    }
    return new String[] {"0xFC-prefixed instruction", "unknown proposal"};
  }
}
