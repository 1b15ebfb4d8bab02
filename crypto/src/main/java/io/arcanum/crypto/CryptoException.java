package io.arcanum.crypto;

/**
 * Base of every error this library raises for bad input. Subclasses say which rule the input broke;
 * the message names the offending item but never contains secret or decrypted bytes.
 */
public abstract class CryptoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected CryptoException(String message) {
    super(message);
  }

  protected CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
