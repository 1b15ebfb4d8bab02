package io.arcanum.crypto.bip32;

import io.arcanum.crypto.CryptoException;

/** A BIP32 path string or child index that is malformed; the message names the bad component. */
public final class InvalidHdPathException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidHdPathException(String message) {
    super(message);
  }
}
