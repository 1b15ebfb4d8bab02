package io.arcanum.chain.state;

/** The argument rules every {@link KvStore} enforces, so a bad write fails where it is made. */
final class KvChecks {
  private KvChecks() {}

  static void checkKey(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("state keys must not be empty");
    }
  }

  static void checkWrite(byte[] key, byte[] value) {
    checkKey(key);
    if (value == null || value.length == 0) {
      throw new IllegalArgumentException("state values must not be empty; delete the key instead");
    }
  }
}
