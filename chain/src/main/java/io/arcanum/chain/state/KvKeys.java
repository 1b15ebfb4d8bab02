package io.arcanum.chain.state;

import java.util.Arrays;

/** Key helpers shared by the stores and the modules' key layouts. */
public final class KvKeys {
  private KvKeys() {}

  /** The smallest key above every key starting with {@code prefix}; null if there is none. */
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
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

  /** Whether {@code key} lies in {@code [from, to)} (null bounds open), unsigned order. */
  public static boolean inRange(byte[] key, byte[] from, byte[] to) {
    return (from == null || Arrays.compareUnsigned(key, from) >= 0)
        && (to == null || Arrays.compareUnsigned(key, to) < 0);
  }
}
