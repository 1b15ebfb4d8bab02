package io.arcanum.enclave.api.process;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one received frame's payload. Every length is checked against the bytes that remain before
 * anything is allocated, so a peer can never make this side allocate more than the frame it already
 * sent (itself capped by {@link Frames#read}).
 */
final class WireInput {
  private final byte[] bytes;
  private int position;

  WireInput(byte[] bytes) {
    this.bytes = bytes;
  }

  int remaining() {
    return bytes.length - position;
  }

  int readByte() throws WireFormatException {
    if (position >= bytes.length) {
      throw new WireFormatException("the frame ends early");
    }
    return bytes[position++] & 0xFF;
  }

  long readVarUnsigned() throws WireFormatException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      if (shift == 63 && (b & 0xFE) != 0) {
        throw new WireFormatException("a variable-length number overflows 64 bits");
      }
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new WireFormatException("a variable-length number is longer than 10 bytes");
  }

  long readVarSigned() throws WireFormatException {
    long raw = readVarUnsigned();
    return (raw >>> 1) ^ -(raw & 1);
  }

  int readVarInt() throws WireFormatException {
    long value = readVarSigned();
    if (value != (int) value) {
      throw new WireFormatException("an int field holds " + value);
    }
    return (int) value;
  }

  long readFixed64() throws WireFormatException {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | readByte();
    }
    return value;
  }

  int readFixed32() throws WireFormatException {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | readByte();
    }
    return value;
  }

  /**
   * A count of items that each take at least {@code minBytesEach} bytes: refused if the frame
   * cannot hold that many, which bounds every allocation by the frame's size.
   */
  int readCount(int minBytesEach) throws WireFormatException {
    long count = readVarUnsigned();
    if (count < 0 || count > remaining() / Math.max(1, minBytesEach)) {
      throw new WireFormatException(
          "a count of "
              + Long.toUnsignedString(count)
              + " exceeds the "
              + remaining()
              + " bytes left in the frame");
    }
    return (int) count;
  }

  byte[] readRaw(int length) throws WireFormatException {
    if (length < 0 || length > remaining()) {
      throw new WireFormatException(
          "a length of " + length + " exceeds the " + remaining() + " bytes left in the frame");
    }
    byte[] out = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return out;
  }

  byte[] readBytes() throws WireFormatException {
    return readRaw(readCount(1));
  }

  /** Strict UTF-8: malformed or truncated sequences are refused, not replaced. */
  String readString() throws WireFormatException {
    int length = readCount(1);
    ByteBuffer slice = ByteBuffer.wrap(bytes, position, length);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(slice)
              .toString();
      position += length;
      return text;
    } catch (CharacterCodingException e) {
      throw new WireFormatException("a string is not valid UTF-8");
    }
  }

  void expectEnd() throws WireFormatException {
    if (position != bytes.length) {
      throw new WireFormatException(remaining() + " unexpected bytes at the end of the frame");
    }
  }
}
