package io.arcanum.crypto.secp256k1;

/**
 * The signature has s in the upper half of the curve order. (r, n - s) verifies the same message,
 * so accepting both would make signatures malleable; Cosmos and Secret reject the high-S form, and
 * so does every verify in this package.
 */
public final class NonCanonicalSignatureException extends InvalidSignatureException {
  private static final long serialVersionUID = 1L;

  public NonCanonicalSignatureException() {
    super("signature is not canonical: s is in the upper half of the curve order (high-S)");
  }
}
