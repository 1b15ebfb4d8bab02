package io.arcanum.wasm.instrument;

/**
 * A read position over {@code bytes[position, limit)}. Every read past the limit throws an {@link
 * InstrumentationException} that names the offset, never an {@link ArrayIndexOutOfBoundsException}.
 */
final class ByteCursor {
  private final byte[] bytes;
  private int position;
  private final int limit;

  ByteCursor(byte[] bytes, int position, int limit) {
    if (position < 0 || limit > bytes.length || position > limit) {
      throw new IllegalArgumentException("bad range " + position + ".." + limit);
    }
    this.bytes = bytes;
    this.position = position;
    this.limit = limit;
  }

  byte[] bytes() {
    return bytes;
  }

  int position() {
    return position;
  }

  int limit() {
    return limit;
  }

  int remaining() {
    return limit - position;
  }

  boolean atEnd() {
    return position == limit;
  }

  /** The next byte, 0..255. */
  int readByte() {
    if (position >= limit) {
      throw new InstrumentationException("unexpected end of data at offset " + position);
    }
    return bytes[position++] & 0xFF;
  }

  /** The next byte without consuming it, 0..255. */
  int peekByte() {
    if (position >= limit) {
      throw new InstrumentationException("unexpected end of data at offset " + position);
    }
    return bytes[position] & 0xFF;
  }

  void skip(long count) {
    if (count < 0 || count > remaining()) {
      throw new InstrumentationException(
          "length "
              + count
              + " at offset "
              + position
              + " runs past the end ("
              + remaining()
              + " bytes left)");
    }
    position += (int) count;
  }

  /** A u32 LEB128 as a non-negative long. */
  long readU32() {
    return Leb128.readUnsigned(this, 32);
  }

  /** A u32 LEB128 that is used as a count or index and must fit a Java int. */
  int readIndex() {
    int at = position;
    long value = Leb128.readUnsigned(this, 32);
    if (value > Integer.MAX_VALUE) {
      throw new InstrumentationException("count or index " + value + " too large at offset " + at);
    }
    return (int) value;
  }
}
