package io.arcanum.wasm.instrument;

/**
 * Walks the instructions of one function body, one at a time, using {@link OpcodeTable} to skip
 * immediates. Rejects everything outside MVP + sign-extension with an {@link
 * UnsupportedInstructionException} naming the opcode and the function.
 *
 * <p>Chicory's decoded {@code Instruction.address()} is not used: walking the bytes ourselves keeps
 * the rewriter independent of how Chicory decodes (and of its feature set, which is far larger than
 * Arcanum accepts), and lets hostile input fail with our own messages.
 */
final class InstructionReader {
  private final ByteCursor in;
  private final int functionIndex;
  private int opcode;
  private int start;
  private int index;

  InstructionReader(ByteCursor in, int functionIndex) {
    this.in = in;
    this.functionIndex = functionIndex;
  }

  boolean hasNext() {
    return !in.atEnd();
  }

  /** Offset of the opcode byte of the instruction just read. */
  int start() {
    return start;
  }

  /** Offset just past the instruction just read (past its block type for block/loop/if). */
  int end() {
    return in.position();
  }

  /** The opcode byte of the instruction just read. */
  int opcode() {
    return opcode;
  }

  /** The function index of a {@code call}, or the type index of a {@code call_indirect}. */
  int index() {
    return index;
  }

  /** Reads the next instruction and returns its opcode byte. */
  int next() {
    start = in.position();
    opcode = in.readByte();
    switch (OpcodeTable.immediates(opcode)) {
      case OpcodeTable.NONE -> {}
      case OpcodeTable.BLOCK_TYPE -> readBlockType();
      case OpcodeTable.U32 -> index = in.readIndex();
      case OpcodeTable.BR_TABLE -> {
        long count = in.readU32();
        for (long i = 0; i <= count; i++) {
          in.readU32();
        }
      }
      case OpcodeTable.CALL_INDIRECT -> {
        index = in.readIndex();
        int at = in.position();
        if (in.readByte() != 0) {
          throw unsupported("0x11", "call_indirect with a table index", "reference types", at);
        }
      }
      case OpcodeTable.MEMARG -> {
        int at = in.position();
        long align = in.readU32();
        if ((align & 0x40) != 0) {
          throw unsupported(hex(opcode), "memory access with a memory index", "multi-memory", at);
        }
        in.readU32();
      }
      case OpcodeTable.ZERO_BYTE -> {
        int at = in.position();
        if (in.readByte() != 0) {
          throw unsupported(hex(opcode), "memory index other than 0", "multi-memory", at);
        }
      }
      case OpcodeTable.S32 -> Leb128.readSigned(in, 32);
      case OpcodeTable.S64 -> Leb128.readSigned(in, 64);
      case OpcodeTable.BYTES4 -> in.skip(4);
      case OpcodeTable.BYTES8 -> in.skip(8);
      default -> throw unsupportedOpcode();
    }
    return opcode;
  }

  private void readBlockType() {
    int at = in.position();
    int b = in.peekByte();
    switch (b) {
      case 0x40, 0x7F, 0x7E, 0x7D, 0x7C -> in.readByte();
      case 0x7B -> throw unsupported(hex(opcode), "v128 block type", "SIMD", at);
      case 0x70, 0x6F ->
          throw unsupported(hex(opcode), "reference block type", "reference types", at);
      case 0x64, 0x63 ->
          throw unsupported(hex(opcode), "typed reference block type", "function references", at);
      default -> {
        long typeIndex = Leb128.readSigned(in, 33);
        if (typeIndex >= 0) {
          throw unsupported(
              hex(opcode), "block type by type index " + typeIndex, "multi-value", at);
        }
        throw new InstrumentationException(
            "function "
                + functionIndex
                + ": invalid block type 0x"
                + hexByte(b)
                + " at offset "
                + at);
      }
    }
  }

  private UnsupportedInstructionException unsupportedOpcode() {
    if (opcode == 0xFC) {
      String sub;
      String[] described;
      try {
        long subOpcode = in.readU32();
        sub = String.format(" 0x%02X", subOpcode);
        described = OpcodeTable.describeMisc(subOpcode);
      } catch (InstrumentationException e) {
        sub = "";
        described = OpcodeTable.describeMisc(-1);
      }
      return unsupported("0xFC" + sub, described[0], described[1], start);
    }
    String[] described = OpcodeTable.describeUnsupported(opcode);
    if (opcode == 0xFD || opcode == 0xFB || opcode == 0xFE) {
      String sub = "";
      try {
        sub = String.format(" 0x%02X", in.readU32());
      } catch (InstrumentationException e) {
        // keep the prefix alone
      }
      return unsupported(hex(opcode) + sub, described[0], described[1], start);
    }
    return unsupported(hex(opcode), described[0], described[1], start);
  }

  private UnsupportedInstructionException unsupported(
      String code, String name, String feature, int at) {
    return new UnsupportedInstructionException(code, name, feature, functionIndex, at);
  }

  static String hex(int opcode) {
    return "0x" + hexByte(opcode);
  }

  private static String hexByte(int b) {
    return String.format("%02X", b);
  }
}
