package io.arcanum.crypto.tx;

import io.arcanum.crypto.CryptoException;

/** A code hash, or the code-hash prefix of a decrypted message, is not 64 hex characters. */
public final class InvalidCodeHashException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidCodeHashException(String message) {
    super(message);
  }
}
