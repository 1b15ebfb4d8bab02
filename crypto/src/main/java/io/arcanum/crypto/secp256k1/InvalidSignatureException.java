package io.arcanum.crypto.secp256k1;

import io.arcanum.crypto.CryptoException;

/**
 * A secp256k1 signature is malformed (r or s outside [1, n-1], a bad recovery id) or does not
 * verify against the message hash and public key it was checked with.
 */
public class InvalidSignatureException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidSignatureException(String message) {
    super(message);
  }
}
