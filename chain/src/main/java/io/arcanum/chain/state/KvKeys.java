package io.arcanum.chain.state;

import io.arcanum.chain.store.RocksStore;

/** Key helpers shared by the stores and the modules' key layouts. */
public final class KvKeys {
  private KvKeys() {}

  /** The smallest key above every key starting with {@code prefix}; null if there is none. */
  public static byte[] prefixEnd(byte[] prefix) {
    return RocksStore.prefixEnd(prefix); // one ordering rule for the store and its views
  }

  /** {@code a ‖ b ‖ ...}. */
  public static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
