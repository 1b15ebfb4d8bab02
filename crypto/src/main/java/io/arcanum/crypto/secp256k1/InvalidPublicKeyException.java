package io.arcanum.crypto.secp256k1;

import io.arcanum.crypto.CryptoException;

/** Bytes of the right length that are not a SEC1 encoding of a point on secp256k1. */
public final class InvalidPublicKeyException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidPublicKeyException(String message) {
    super(message);
  }

  public InvalidPublicKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
