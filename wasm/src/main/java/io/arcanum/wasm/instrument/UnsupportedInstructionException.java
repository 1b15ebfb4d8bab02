package io.arcanum.wasm.instrument;

/**
 * A function body uses an instruction (or a block type, value type or section) outside wasm MVP +
 * sign-extension: bulk memory, saturating truncation, SIMD, reference types, tail calls,
 * exceptions, threads, multi-value block types, multi-memory.
 */
public final class UnsupportedInstructionException extends InstrumentationException {
  private static final long serialVersionUID = 1L;

  private final String opcode;
  private final int functionIndex;

  /**
   * @param opcode the encoding, e.g. {@code "0xFC 0x0A"}
   * @param name the mnemonic, e.g. {@code "memory.copy"}
   * @param feature the proposal it belongs to, e.g. {@code "bulk memory"}
   * @param functionIndex the wasm function index (imports first, as in the name section), or -1
   *     when the problem is not inside a function body
   * @param offset the byte offset of the instruction in the module
   */
  public UnsupportedInstructionException(
      String opcode, String name, String feature, int functionIndex, int offset) {
    super(
        (functionIndex >= 0 ? "function " + functionIndex + ": " : "")
            + "unsupported "
            + name
            + " ("
            + opcode
            + ", "
            + feature
            + ") at module offset "
            + offset
            + "; only wasm MVP + sign-extension can be instrumented");
    this.opcode = opcode;
    this.functionIndex = functionIndex;
  }

  /** The encoding of the rejected instruction or type, e.g. {@code "0xFD 0x0C"}. */
  public String opcode() {
    return opcode;
  }

  /** The wasm function index the instruction is in, or -1 outside function bodies. */
  public int functionIndex() {
    return functionIndex;
  }
}
