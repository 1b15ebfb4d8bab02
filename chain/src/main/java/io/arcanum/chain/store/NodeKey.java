package io.arcanum.chain.store;

/**
 * Where a node lives in RocksDB: the version that wrote it, then its path. A node is never
 * rewritten in place, so every older version's nodes stay readable until pruned, and sorting by
 * version first makes each commit's nodes one contiguous, append-only run of keys.
 */
record NodeKey(long version, NibblePath path) {

  byte[] encode() {
    byte[] out = new byte[Long.BYTES + path.encodedLength()];
    writeLong(out, 0, version);
    path.writeTo(out, Long.BYTES);
    return out;
  }

  static NodeKey decode(byte[] bytes) {
    return decode(bytes, 0);
  }

  static NodeKey decode(byte[] bytes, int offset) {
    return new NodeKey(readLong(bytes, offset), NibblePath.readFrom(bytes, offset + Long.BYTES));
  }

  /** Big-endian, so that RocksDB's bytewise order is numeric order for non-negative versions. */
  static void writeLong(byte[] out, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  static long readLong(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (in[offset + i] & 0xff);
    }
    return value;
  }

  static byte[] longBytes(long value) {
    byte[] out = new byte[Long.BYTES];
    writeLong(out, 0, value);
    return out;
  }

  /**
   * Mixed, because the record's default (31 * version + path) collides badly: consecutive versions
   * and short paths land on the same few values, and the node cache's buckets turn into trees.
   */
  @Override
  public int hashCode() {
    long h = version * 0x9E3779B97F4A7C15L + path.hashCode();
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return (int) (h ^ (h >>> 31));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeKey k && k.version == version && k.path.equals(path);
  }

  @Override
  public String toString() {
    return version + ":" + path;
  }
}
