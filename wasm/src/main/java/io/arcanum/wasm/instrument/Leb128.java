package io.arcanum.wasm.instrument;

import java.io.ByteArrayOutputStream;

/**
 * LEB128 as the wasm binary format uses it: at most ceil(N/7) bytes for an N-bit value, and the
 * unused bits of the last byte must be zero (unsigned) or copies of the sign bit (signed).
 */
final class Leb128 {
  private Leb128() {}

  /** Reads an unsigned LEB128 of at most {@code bits} (32 or 64) bits. */
  static long readUnsigned(ByteCursor in, int bits) {
    int start = in.position();
    int maxBytes = (bits + 6) / 7;
    long result = 0;
    for (int i = 0; i < maxBytes; i++) {
      int b = in.readByte();
      if (i == maxBytes - 1) {
        int usedBits = bits - 7 * i;
        if ((b & 0x80) != 0 || (b >>> usedBits) != 0) {
          throw malformed("unsigned", bits, start);
        }
      }
      result |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw malformed("unsigned", bits, start);
  }

  /** Reads a signed LEB128 of at most {@code bits} (32, 33 or 64) bits, sign-extended to long. */
  static long readSigned(ByteCursor in, int bits) {
    int start = in.position();
    int maxBytes = (bits + 6) / 7;
    long result = 0;
    for (int i = 0; i < maxBytes; i++) {
      int b = in.readByte();
      int shift = 7 * i;
      if (i == maxBytes - 1) {
        int usedBits = bits - shift;
        int signAndUnused = (0x7F >>> (usedBits - 1)) << (usedBits - 1);
        int top = b & signAndUnused;
        if ((b & 0x80) != 0 || (top != 0 && top != signAndUnused)) {
          throw malformed("signed", bits, start);
        }
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (shift + 7 < 64 && (b & 0x40) != 0) {
          result |= -1L << (shift + 7);
        }
        return result;
      }
    }
    throw malformed("signed", bits, start);
  }

  /** Writes {@code value} (0 .. 2^32-1) as an unsigned LEB128. */
  static void writeUnsigned(ByteArrayOutputStream out, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not a u32: " + value);
    }
    do {
      int b = (int) (value & 0x7F);
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
  }

  /** Writes {@code value} as a signed LEB128 (the shortest encoding). */
  static void writeSigned(ByteArrayOutputStream out, long value) {
    while (true) {
      int b = (int) (value & 0x7F);
      value >>= 7;
      boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
      out.write(done ? b : b | 0x80);
      if (done) {
        return;
      }
    }
  }

  /** The number of bytes {@link #writeUnsigned} uses for {@code value}. */
  static int unsignedSize(long value) {
    int size = 1;
    while ((value >>>= 7) != 0) {
      size++;
    }
    return size;
  }

  private static InstrumentationException malformed(String kind, int bits, int offset) {
    return new InstrumentationException(
        "malformed " + kind + " LEB128 (more than " + bits + " bits) at offset " + offset);
  }
}
