package io.arcanum.crypto.x25519;

import io.arcanum.crypto.SecretBytes;

/**
 * The raw 32-byte X25519 output. Secret uses it as the HKDF input of the tx encryption key
 * (protocol.md §6) and, unhashed, as the AES-SIV key of the seed exchange (§4.2).
 */
public final class X25519SharedSecret extends SecretBytes {
  public static final int LENGTH = 32;

  X25519SharedSecret(byte[] bytes) {
    super(bytes, LENGTH, "X25519 shared secret");
  }

  /** Wraps raw bytes, e.g. from a test vector. */
  public static X25519SharedSecret of(byte[] bytes) {
    return new X25519SharedSecret(bytes);
  }
}
