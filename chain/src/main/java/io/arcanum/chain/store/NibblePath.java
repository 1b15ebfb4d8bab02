package io.arcanum.chain.store;

import java.util.Arrays;

/**
 * The position of a node in the 16-ary tree: the first {@code length} nibbles of the key hashes
 * below it. Packed two nibbles a byte, high nibble first; an odd path's unused low nibble is zero,
 * so equal paths have equal bytes.
 */
final class NibblePath {
  /** Deepest path: a key hash has 64 nibbles. */
  static final int MAX_LENGTH = TreeHash.LENGTH * 2;

  static final NibblePath ROOT = new NibblePath(new byte[0], 0);

  private final byte[] packed;
  private final int length;

  private NibblePath(byte[] packed, int length) {
    this.packed = packed;
    this.length = length;
  }

  /** The first {@code length} nibbles of {@code keyHash}. */
  static NibblePath prefixOf(byte[] keyHash, int length) {
    if (length < 0 || length > MAX_LENGTH) {
      throw new IllegalArgumentException("nibble path length " + length);
    }
    byte[] bytes = Arrays.copyOf(keyHash, (length + 1) / 2);
    if ((length & 1) == 1) {
      bytes[bytes.length - 1] &= (byte) 0xf0;
    }
    return new NibblePath(bytes, length);
  }

  /** Reads the packed form written by {@link #writeTo}; rejects a non-zero padding nibble. */
  static NibblePath readFrom(byte[] bytes, int offset) {
    int length = bytes[offset] & 0xff;
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException("nibble path length " + length);
    }
    byte[] packed = Arrays.copyOfRange(bytes, offset + 1, offset + 1 + (length + 1) / 2);
    if ((length & 1) == 1 && (packed[packed.length - 1] & 0x0f) != 0) {
      throw new IllegalArgumentException("non-zero padding nibble");
    }
    return new NibblePath(packed, length);
  }

  int length() {
    return length;
  }

  int nibble(int index) {
    return TreeHash.nibble(packed, index);
  }

  NibblePath child(int nibble) {
    byte[] bytes = Arrays.copyOf(packed, (length + 2) / 2);
    if ((length & 1) == 0) {
      bytes[length / 2] = (byte) (nibble << 4);
    } else {
      bytes[length / 2] |= (byte) nibble;
    }
    return new NibblePath(bytes, length + 1);
  }

  /** Bytes {@link #writeTo} writes: a length byte, then the packed nibbles. */
  int encodedLength() {
    return 1 + packed.length;
  }

  void writeTo(byte[] out, int offset) {
    out[offset] = (byte) length;
    System.arraycopy(packed, 0, out, offset + 1, packed.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NibblePath p && p.length == length && Arrays.equals(p.packed, packed);
  }

  @Override
  public int hashCode() {
    return 31 * length + Arrays.hashCode(packed);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(Character.forDigit(nibble(i), 16));
    }
    return s.toString();
  }
}
