package io.arcanum.crypto;

/**
 * Authenticated decryption failed: the ciphertext, its associated data or the key is not the one it
 * was sealed with. No plaintext, not even a part of it, is released.
 */
public final class AuthenticationFailedException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public AuthenticationFailedException(String message) {
    super(message);
  }
}
