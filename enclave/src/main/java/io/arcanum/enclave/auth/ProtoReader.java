package io.arcanum.enclave.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict reader of the protobuf wire format, enough for the tx messages the enclave re-checks
 * (protocol.md §10.1). The node is untrusted, so every length is bounds-checked, varints longer
 * than 64 bits are refused, and groups and the undefined wire types 6 and 7 are refused rather than
 * guessed at. Every failure is a {@link SenderAuthenticationException} naming the message being
 * read, never an index exception.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LEN = 2;
  static final int FIXED32 = 5;

  /** The largest field number protobuf allows (2^29 - 1). */
  private static final int MAX_FIELD_NUMBER = (1 << 29) - 1;

  private final byte[] buffer;
  private final String what;
  private int position;

  /**
   * @param what the message's name for error messages, e.g. "TxRaw"
   */
  ProtoReader(byte[] buffer, String what) {
    this.buffer = buffer;
    this.what = what;
  }

  boolean hasMore() {
    return position < buffer.length;
  }

  /** A field's key: its number and wire type. */
  record Tag(int fieldNumber, int wireType) {}

  Tag readTag() throws SenderAuthenticationException {
    int start = position;
    long key = readVarint();
    long number = key >>> 3;
    int wireType = (int) (key & 7);
    if (number == 0 || number > MAX_FIELD_NUMBER) {
      throw fail(start, "field number " + number + " is outside 1.." + MAX_FIELD_NUMBER);
    }
    if (wireType == 3 || wireType == 4) {
      throw fail(start, "field " + number + " uses a group (wire type " + wireType + ")");
    }
    if (wireType != VARINT && wireType != FIXED64 && wireType != LEN && wireType != FIXED32) {
      throw fail(start, "field " + number + " has invalid wire type " + wireType);
    }
    return new Tag((int) number, wireType);
  }

  /** A base-128 varint of at most 10 bytes whose value fits in 64 bits. */
  long readVarint() throws SenderAuthenticationException {
    int start = position;
    long value = 0;
    for (int i = 0; i < 10; i++) {
      if (position >= buffer.length) {
        throw fail(start, "varint is truncated");
      }
      int b = buffer[position++] & 0xff;
      if (i == 9 && b > 1) {
        // The tenth byte holds bit 63 only; anything more overflows 64 bits.
        throw fail(start, "varint overflows 64 bits");
      }
      value |= (long) (b & 0x7f) << (7 * i);
      if (b < 0x80) {
        return value;
      }
    }
    throw fail(start, "varint is longer than 10 bytes");
  }

  /** A length-delimited value (bytes, string or embedded message), copied out. */
  byte[] readLengthDelimited() throws SenderAuthenticationException {
    int start = position;
    long length = readVarint();
    int left = buffer.length - position;
    if (length < 0 || length > left) {
      throw fail(
          start,
          "length "
              + Long.toUnsignedString(length)
              + " exceeds the "
              + left
              + " bytes left in the message");
    }
    byte[] out = Arrays.copyOfRange(buffer, position, position + (int) length);
    position += (int) length;
    return out;
  }

  /** Skips a value of a field this reader does not know; the wire type was checked by readTag. */
  void skip(Tag tag) throws SenderAuthenticationException {
    switch (tag.wireType()) {
      case VARINT -> readVarint();
      case LEN -> readLengthDelimited();
      case FIXED64 -> advance(8, tag);
      case FIXED32 -> advance(4, tag);
      default -> throw fail(position, "field " + tag.fieldNumber() + " cannot be skipped");
    }
  }

  private void advance(int count, Tag tag) throws SenderAuthenticationException {
    if (buffer.length - position < count) {
      throw fail(position, "fixed-width field " + tag.fieldNumber() + " is truncated");
    }
    position += count;
  }

  /** Decodes proto3 {@code string} bytes, refusing invalid UTF-8 as protobuf does. */
  static String utf8(byte[] bytes, String field) throws SenderAuthenticationException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw SenderAuthenticationException.malformed(field + " is not valid UTF-8");
    }
  }

  private SenderAuthenticationException fail(int offset, String problem) {
    return SenderAuthenticationException.malformed(what + " at byte " + offset + ": " + problem);
  }
}
