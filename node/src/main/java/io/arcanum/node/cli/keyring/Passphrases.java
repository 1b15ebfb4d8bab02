package io.arcanum.node.cli.keyring;

/**
 * Where the {@code file} backend gets passphrases: the terminal (hidden input) or standard input
 * when it is piped. The caller owns the returned arrays; the keyring wipes them after use.
 */
public interface Passphrases {
  /**
   * The passphrase of a keyring that already holds keys.
   *
   * @throws KeyringException if none can be read (e.g. standard input is at its end)
   */
  char[] existing() throws KeyringException;

  /**
   * A passphrase for a keyring's first key (asked twice on a terminal).
   *
   * @throws KeyringException with {@link KeyringException.Reason#BAD_PASSPHRASE} if the two entries
   *     differ, or if none can be read
   */
  char[] create() throws KeyringException;

  /** For the {@code test} backend, which never asks. */
  Passphrases NONE =
      new Passphrases() {
        @Override
        public char[] existing() throws KeyringException {
          throw new KeyringException(
              KeyringException.Reason.WRONG_PASSPHRASE, "no passphrase source");
        }

        @Override
        public char[] create() throws KeyringException {
          throw new KeyringException(
              KeyringException.Reason.BAD_PASSPHRASE, "no passphrase source");
        }
      };
}
