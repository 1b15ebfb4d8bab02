package io.arcanum.crypto.hkdf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Secret Network's two HKDF forms (protocol.md §1): HKDF-SHA256 with a fixed salt and 32-byte
 * output, over {@code secret || data}.
 */
public final class SecretKdf {
  /** The fixed salt: the hash of Bitcoin's 2020 halving block (protocol.md §1). */
  private static final byte[] SALT =
      HexFormat.of().parseHex("000000000000000000024bead8df69990852c202db0e0097c1a12ea637d7e96d");

  private static final byte[] SEED_INFO = "seed".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_INFO = new byte[0];

  /** Output length of both derivations. */
  public static final int KEY_LENGTH = 32;

  private SecretKdf() {}

  /** The fixed salt, as a copy. */
  public static byte[] salt() {
    return SALT.clone();
  }

  /** {@code seed.derive}: {@code HKDF(seed || data, info = "seed")}, used for every seed key. */
  public static byte[] seedDerive(byte[] seed, byte[] data) {
    return derive(seed, data, SEED_INFO);
  }

  /** {@code key.derive}: {@code HKDF(key || data, info = "")}, e.g. the tx encryption key. */
  public static byte[] keyDerive(byte[] key, byte[] data) {
    return derive(key, data, NO_INFO);
  }

  private static byte[] derive(byte[] secret, byte[] data, byte[] info) {
    byte[] ikm = new byte[secret.length + data.length];
    System.arraycopy(secret, 0, ikm, 0, secret.length);
    System.arraycopy(data, 0, ikm, secret.length, data.length);
    try {
      return Hkdf.sha256(SALT, ikm, info, KEY_LENGTH);
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }
}
