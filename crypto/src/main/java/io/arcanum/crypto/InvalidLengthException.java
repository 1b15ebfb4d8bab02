package io.arcanum.crypto;

/** A key, nonce, public key, signature or other fixed-size input has the wrong length. */
public final class InvalidLengthException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidLengthException(String message) {
    super(message);
  }

  /**
   * Throws unless {@code value} is exactly {@code expected} bytes long.
   *
   * @param what the input's name in the protocol's words, e.g. "X25519 public key"
   */
  public static void check(String what, byte[] value, int expected) {
    if (value == null) {
      throw new InvalidLengthException(what + " is missing (expected " + expected + " bytes)");
    }
    if (value.length != expected) {
      throw new InvalidLengthException(
          what + " must be " + expected + " bytes, got " + value.length);
    }
  }
}
