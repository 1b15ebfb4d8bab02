package io.arcanum.crypto.seed;

import io.arcanum.crypto.SecretBytes;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A consensus seed: 32 random bytes from which every network key is derived (protocol.md §2). The
 * network's master secret; it only ever leaves an enclave sealed or encrypted to another enclave.
 */
public final class ConsensusSeed extends SecretBytes {
  public static final int LENGTH = 32;

  private ConsensusSeed(byte[] bytes) {
    super(bytes, LENGTH, "consensus seed");
  }

  /** Wraps a copy of 32 seed bytes (e.g. unsealed or decrypted from the seed exchange). */
  public static ConsensusSeed of(byte[] bytes) {
    return new ConsensusSeed(bytes);
  }

  /** A fresh seed from the platform RNG. */
  public static ConsensusSeed generate(SecureRandom random) {
    byte[] bytes = new byte[LENGTH];
    random.nextBytes(bytes);
    try {
      return new ConsensusSeed(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  byte[] bytes() {
    return secret();
  }
}
