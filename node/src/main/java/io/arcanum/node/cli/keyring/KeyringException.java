package io.arcanum.node.cli.keyring;

/**
 * A keyring operation could not be done. The message names the key and the rule; it never holds a
 * private key, a mnemonic word or a passphrase.
 */
public final class KeyringException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers (and tests) that act on the kind rather than the text. */
  public enum Reason {
    /** No key has that name or address. */
    NO_SUCH_KEY,
    /** A key of that name already exists. */
    DUPLICATE_NAME,
    /** The same account is already in the keyring under another name. */
    DUPLICATE_KEY,
    /** A key name that cannot be used as a file name or would be confused with an address. */
    BAD_NAME,
    /** The mnemonic is not a valid BIP39 English phrase. */
    BAD_MNEMONIC,
    /** The passphrase does not open the keyring's keys. */
    WRONG_PASSPHRASE,
    /** No passphrase could be read (standard input ended). */
    NO_PASSPHRASE,
    /** A new passphrase is too short or its two entries differ. */
    BAD_PASSPHRASE,
    /**
     * A key file that is not in the keyring's format (edited by hand, truncated, from elsewhere).
     */
    CORRUPT_KEY_FILE,
    /** Reading or writing the keyring folder failed. */
    STORAGE
  }

  private final Reason reason;

  public KeyringException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public KeyringException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
