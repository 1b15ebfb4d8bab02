package io.arcanum.wasm.instrument;

import java.io.ByteArrayOutputStream;

/**
 * The byte sequences the instrumentation inserts, given the indices of the four appended globals.
 * Each snippet leaves the operand stack as it found it, and the only blocks it opens are closed
 * within it, so existing branch depths and stack types are unaffected.
 */
final class InjectedCode {
  // Opcodes used by the snippets.
  private static final int UNREACHABLE = 0x00;
  private static final int IF = 0x04;
  private static final int EMPTY_BLOCK = 0x40;
  private static final int END = 0x0B;
  private static final int CALL = 0x10;
  private static final int LOCAL_GET = 0x20;
  private static final int LOCAL_SET = 0x21;
  private static final int GLOBAL_GET = 0x23;
  private static final int GLOBAL_SET = 0x24;
  private static final int I32_CONST = 0x41;
  private static final int I64_CONST = 0x42;
  private static final int I32_GT_U = 0x4B;
  private static final int I64_LT_U = 0x54;
  private static final int I32_ADD = 0x6A;
  private static final int I32_SUB = 0x6B;
  private static final int I64_SUB = 0x7D;
  private static final int I64_MUL = 0x7E;
  private static final int I64_EXTEND_I32_U = 0xAD;
  private static final int LOCAL_TEE = 0x22;
  private static final int I64_LT_S = 0x53;
  static final int I32 = 0x7F;
  static final int I64 = 0x7E;

  final int gasGlobal;
  final int gasExhaustedGlobal;
  final int heightGlobal;
  final int stackExhaustedGlobal;
  final int growFunction;
  final long maxStackHeight;

  InjectedCode(int firstGlobal, int growFunction, long maxStackHeight) {
    this.gasGlobal = firstGlobal;
    this.gasExhaustedGlobal = firstGlobal + 1;
    this.heightGlobal = firstGlobal + 2;
    this.stackExhaustedGlobal = firstGlobal + 3;
    this.growFunction = growFunction;
    this.maxStackHeight = maxStackHeight;
  }

  /**
   * The gas prologue for a sequence of {@code cost / 2} instructions, with {@code $t} the body's
   * scratch i64 local:
   *
   * <pre>
   * global.get $gas_limit  i64.const cost  i64.sub  local.tee $t  i64.const 0  i64.lt_s
   * if  i64.const cost  global.set $gas_limit_exhausted  unreachable  end
   * local.get $t  global.set $gas_limit
   * </pre>
   *
   * <p>The global is read once (globals are calls into the instance in Chicory's compiled code).
   * {@code gas_limit - cost < 0} (signed) is the spec's {@code gas_limit < cost} (unsigned) because
   * the host only ever stores a remaining gas below 2^63 and a cost is small and positive; on
   * exhaustion {@code gas_limit} is left unchanged, as Secret does.
   */
  void gasPrologue(ByteArrayOutputStream out, long cost, long scratch) {
    op(out, GLOBAL_GET, gasGlobal);
    i64Const(out, cost);
    out.write(I64_SUB);
    op(out, LOCAL_TEE, scratch);
    i64Const(out, 0);
    out.write(I64_LT_S);
    out.write(IF);
    out.write(EMPTY_BLOCK);
    i64Const(out, cost);
    op(out, GLOBAL_SET, gasExhaustedGlobal);
    out.write(UNREACHABLE);
    out.write(END);
    op(out, LOCAL_GET, scratch);
    op(out, GLOBAL_SET, gasGlobal);
  }

  /**
   * Before a guarded call, with {@code $h} the body's scratch i32 local:
   *
   * <pre>
   * global.get $height  i32.const w  i32.add  local.tee $h  global.set $height
   * local.get $h  i32.const limit  i32.gt_u
   * if  i32.const 1  global.set $stack_exhausted  unreachable  end
   * </pre>
   */
  void beforeCall(ByteArrayOutputStream out, long weight, long scratch) {
    op(out, GLOBAL_GET, heightGlobal);
    i32Const(out, weight);
    out.write(I32_ADD);
    op(out, LOCAL_TEE, scratch);
    op(out, GLOBAL_SET, heightGlobal);
    op(out, LOCAL_GET, scratch);
    i32Const(out, maxStackHeight);
    out.write(I32_GT_U);
    out.write(IF);
    out.write(EMPTY_BLOCK);
    i32Const(out, 1);
    op(out, GLOBAL_SET, stackExhaustedGlobal);
    out.write(UNREACHABLE);
    out.write(END);
  }

  /** After a guarded call: {@code global.get $height i32.const w i32.sub global.set $height}. */
  void afterCall(ByteArrayOutputStream out, long weight) {
    op(out, GLOBAL_GET, heightGlobal);
    i32Const(out, weight);
    out.write(I32_SUB);
    op(out, GLOBAL_SET, heightGlobal);
  }

  /** Before {@code memory.grow}: {@code call $arcanum_grow_gas}. */
  void beforeGrow(ByteArrayOutputStream out) {
    op(out, CALL, growFunction);
  }

  /**
   * The body (locals and expression) of the injected {@code (i32) -> i32} function that charges
   * {@code pages * 8192} and returns {@code pages}:
   *
   * <pre>
   * (local $cost i64)
   * local.get 0  i64.extend_i32_u  i64.const 8192  i64.mul  local.set $cost
   * global.get $gas_limit  local.get $cost  i64.lt_u
   * if  local.get $cost  global.set $gas_limit_exhausted  unreachable  end
   * global.get $gas_limit  local.get $cost  i64.sub  global.set $gas_limit
   * local.get 0
   * </pre>
   */
  byte[] growFunctionBody() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1); // one local declaration
    out.write(1); // of one
    out.write(I64); // i64
    op(out, LOCAL_GET, 0);
    out.write(I64_EXTEND_I32_U);
    i64Const(out, GasCosts.GROW_COST_PER_PAGE);
    out.write(I64_MUL);
    op(out, LOCAL_SET, 1);
    op(out, GLOBAL_GET, gasGlobal);
    op(out, LOCAL_GET, 1);
    out.write(I64_LT_U);
    out.write(IF);
    out.write(EMPTY_BLOCK);
    op(out, LOCAL_GET, 1);
    op(out, GLOBAL_SET, gasExhaustedGlobal);
    out.write(UNREACHABLE);
    out.write(END);
    op(out, GLOBAL_GET, gasGlobal);
    op(out, LOCAL_GET, 1);
    out.write(I64_SUB);
    op(out, GLOBAL_SET, gasGlobal);
    op(out, LOCAL_GET, 0);
    out.write(END);
    return out.toByteArray();
  }

  /** The type of the grow function, as a type section entry: {@code 0x60 [i32] [i32]}. */
  static byte[] growFunctionType() {
    return new byte[] {0x60, 0x01, I32, 0x01, I32};
  }

  /**
   * The four appended global entries, all mutable and zero: gas_limit (i64), gas_limit_exhausted
   * (i64), arcanum_stack_height (i32), arcanum_stack_exhausted (i32).
   */
  static byte[] globalEntries() {
    return new byte[] {
      I64, 0x01, I64_CONST, 0x00, END,
      I64, 0x01, I64_CONST, 0x00, END,
      I32, 0x01, I32_CONST, 0x00, END,
      I32, 0x01, I32_CONST, 0x00, END,
    };
  }

  private static void op(ByteArrayOutputStream out, int opcode, long index) {
    out.write(opcode);
    Leb128.writeUnsigned(out, index);
  }

  private static void i64Const(ByteArrayOutputStream out, long value) {
    out.write(I64_CONST);
    Leb128.writeSigned(out, value);
  }

  private static void i32Const(ByteArrayOutputStream out, long value) {
    out.write(I32_CONST);
    Leb128.writeSigned(out, (int) value);
  }
}
