package io.arcanum.crypto.tx;

import io.arcanum.crypto.CryptoException;

/** An encrypted contract message is not {@code nonce(32) || client_pk(32) || AES-SIV(...)}. */
public final class MalformedEnvelopeException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public MalformedEnvelopeException(String message) {
    super(message);
  }
}
