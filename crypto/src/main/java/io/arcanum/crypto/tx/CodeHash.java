package io.arcanum.crypto.tx;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A contract code hash: SHA-256 of the uncompressed wasm (protocol.md §6). Its text form is 64
 * lowercase hex characters; parsing accepts a {@code 0x} prefix and upper case, as secret.js does.
 */
public record CodeHash(byte[] bytes) {
  public static final int LENGTH = 32;
  public static final int HEX_LENGTH = 64;

  public CodeHash {
    if (bytes == null || bytes.length != LENGTH) {
      throw new InvalidCodeHashException(
          "code hash must be 32 bytes, got " + (bytes == null ? "none" : bytes.length));
    }
    bytes = bytes.clone();
  }

  /** The code hash of {@code wasm} (already inflated if it was uploaded gzipped). */
  public static CodeHash of(byte[] wasm) {
    try {
      return new CodeHash(MessageDigest.getInstance("SHA-256").digest(wasm));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK's SHA-256 is unavailable", e);
    }
  }

  /**
   * Parses 64 hex characters, optionally prefixed with {@code 0x}, in either case.
   *
   * @throws InvalidCodeHashException naming what is wrong
   */
  public static CodeHash parse(String text) {
    if (text == null) {
      throw new InvalidCodeHashException("code hash is missing");
    }
    String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (hex.length() != HEX_LENGTH) {
      throw new InvalidCodeHashException(
          "code hash must be 64 hex characters, got " + hex.length() + " characters");
    }
    for (int i = 0; i < HEX_LENGTH; i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        throw new InvalidCodeHashException(
            "code hash must be 64 hex characters; character " + (i + 1) + " is not hex");
      }
    }
    return new CodeHash(HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** 64 lowercase hex characters, the form the envelope's plaintext starts with. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CodeHash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
