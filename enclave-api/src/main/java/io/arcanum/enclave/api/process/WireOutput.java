package io.arcanum.enclave.api.process;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte buffer for one frame. The first four bytes are reserved for the frame's length,
 * filled in by {@link #frame()}, so a frame is built and sent without copying.
 */
final class WireOutput {
  private byte[] bytes = new byte[128];
  private int size = Frames.HEADER_BYTES;

  void writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  /** Unsigned LEB128: small lengths and indexes take one byte. */
  void writeVarUnsigned(long value) {
    while ((value & ~0x7FL) != 0) {
      writeByte((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    writeByte((int) value);
  }

  /** Zig-zag then LEB128, so small negative numbers stay short too. */
  void writeVarSigned(long value) {
    writeVarUnsigned((value << 1) ^ (value >> 63));
  }

  void writeFixed64(long value) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      writeByte((int) (value >>> shift));
    }
  }

  void writeFixed32(int value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      writeByte(value >>> shift);
    }
  }

  void writeRaw(byte[] data) {
    ensure(data.length);
    System.arraycopy(data, 0, bytes, size, data.length);
    size += data.length;
  }

  /** A length-prefixed byte string. */
  void writeBytes(byte[] data) {
    writeVarUnsigned(data.length);
    writeRaw(data);
  }

  void writeString(String text) {
    writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The payload written so far (without the reserved header). */
  int payloadSize() {
    return size - Frames.HEADER_BYTES;
  }

  /** The whole frame: big-endian payload length, then the payload. */
  byte[] frame() {
    int length = payloadSize();
    bytes[0] = (byte) (length >>> 24);
    bytes[1] = (byte) (length >>> 16);
    bytes[2] = (byte) (length >>> 8);
    bytes[3] = (byte) length;
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (more > Integer.MAX_VALUE - 16 - size) {
      throw new IllegalArgumentException("a frame cannot exceed 2 GiB");
    }
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }
}
