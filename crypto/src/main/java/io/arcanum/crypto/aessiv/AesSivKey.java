package io.arcanum.crypto.aessiv;

import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.SecretBytes;
import java.security.SecureRandom;

/**
 * An AES-SIV key (RFC 5297 §2.2): the first half keys S2V's CMAC, the second half keys CTR. 32
 * bytes give AES-128-SIV, the variant Secret Network uses everywhere (protocol.md §1); 48 and 64
 * bytes give AES-192-SIV and AES-256-SIV.
 */
public final class AesSivKey extends SecretBytes {
  private AesSivKey(byte[] bytes) {
    super(bytes);
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws InvalidLengthException unless the key is 32, 48 or 64 bytes
   */
  public static AesSivKey of(byte[] bytes) {
    if (bytes == null || (bytes.length != 32 && bytes.length != 48 && bytes.length != 64)) {
      throw new InvalidLengthException(
          "AES-SIV key must be 32, 48 or 64 bytes, got " + (bytes == null ? "none" : bytes.length));
    }
    return new AesSivKey(bytes);
  }

  /** A fresh random AES-128-SIV key. */
  public static AesSivKey generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new AesSivKey(bytes);
  }

  byte[] bytes() {
    return secret();
  }
}
