package io.arcanum.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Secret key material held by a typed wrapper. The bytes never appear in {@link #toString()}, the
 * wrapper compares by identity (use {@link #sameSecretAs} for a constant-time comparison), and
 * {@link #destroy()} zeroes them; any later use throws {@link IllegalStateException}.
 *
 * <p>Subclasses name what the secret is in the protocol's words ({@code ConsensusSeed}, {@code
 * TxEncryptionKey}, ...), so a secret of one kind cannot be passed where another is expected.
 */
public abstract class SecretBytes implements Destroyable, AutoCloseable {
  private final byte[] bytes;
  private volatile boolean destroyed;

  /**
   * Copies {@code bytes}, which must be exactly {@code expectedLength} long.
   *
   * @throws InvalidLengthException naming {@code what} when the length is wrong
   */
  protected SecretBytes(byte[] bytes, int expectedLength, String what) {
    InvalidLengthException.check(what, bytes, expectedLength);
    this.bytes = bytes.clone();
  }

  /** Copies {@code bytes} of a length the subclass has already checked. */
  protected SecretBytes(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /**
   * The secret bytes, without copying, for the primitives that use them. Callers must not modify or
   * retain the array.
   */
  protected final byte[] secret() {
    if (destroyed) {
      throw new IllegalStateException(getClass().getSimpleName() + " has been destroyed");
    }
    return bytes;
  }

  /**
   * A copy of the secret bytes, for sealing or for a primitive outside this library. The caller
   * owns the copy and should zero it when done.
   */
  public final byte[] exportSecret() {
    return secret().clone();
  }

  /** Length of the secret in bytes. */
  public final int length() {
    return bytes.length;
  }

  /** Constant-time comparison of the secret bytes of two wrappers of the same type. */
  public final boolean sameSecretAs(SecretBytes other) {
    return other != null
        && other.getClass() == getClass()
        && MessageDigest.isEqual(secret(), other.secret());
  }

  @Override
  public final void destroy() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  @Override
  public final boolean isDestroyed() {
    return destroyed;
  }

  /** Same as {@link #destroy()}, so that a secret can live in a try-with-resources block. */
  @Override
  public final void close() {
    destroy();
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[" + bytes.length + " bytes, redacted]";
  }
}
