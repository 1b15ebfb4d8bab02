package io.arcanum.crypto.secp256k1;

import io.arcanum.crypto.CryptoException;

/**
 * 32 bytes that are not a usable secp256k1 private key: zero, or not below the curve order n. The
 * message never contains the key bytes.
 */
public final class InvalidPrivateKeyException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidPrivateKeyException(String message) {
    super(message);
  }
}
