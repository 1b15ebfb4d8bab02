package io.arcanum.crypto.x25519;

import io.arcanum.crypto.InvalidLengthException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** An X25519 public key: the raw 32-byte little-endian u-coordinate (RFC 7748 §5). */
public record X25519PublicKey(byte[] bytes) {
  public static final int LENGTH = 32;

  /**
   * @throws InvalidLengthException unless {@code bytes} is 32 bytes
   */
  public X25519PublicKey {
    InvalidLengthException.check("X25519 public key", bytes, LENGTH);
    bytes = bytes.clone();
  }

  /** Parses a standard base64 key, as genesis and the tx-key query carry it. */
  public static X25519PublicKey fromBase64(String base64) {
    return new X25519PublicKey(Base64.getDecoder().decode(base64));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof X25519PublicKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "X25519PublicKey[" + toBase64() + "]";
  }
}
