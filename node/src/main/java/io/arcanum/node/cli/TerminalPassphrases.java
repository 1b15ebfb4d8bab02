package io.arcanum.node.cli;

import io.arcanum.node.cli.keyring.KeyringException;
import io.arcanum.node.cli.keyring.KeyringException.Reason;
import io.arcanum.node.cli.keyring.Passphrases;
import java.util.Arrays;

/**
 * The file backend's passphrases from the terminal: hidden input, a new one asked twice; when
 * standard input is piped, one line each (a script pipes the passphrase once, even for the first
 * key).
 */
final class TerminalPassphrases implements Passphrases {
  private final Terminal terminal;

  TerminalPassphrases(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public char[] existing() throws KeyringException {
    return read("Enter keyring passphrase: ");
  }

  @Override
  public char[] create() throws KeyringException {
    char[] first = read("Enter a passphrase for the new keyring: ");
    if (!terminal.interactive()) {
      return first;
    }
    char[] second = read("Re-enter the passphrase: ");
    try {
      if (!Arrays.equals(first, second)) {
        Arrays.fill(first, '\0');
        throw new KeyringException(Reason.BAD_PASSPHRASE, "the two passphrases differ");
      }
      return first;
    } finally {
      Arrays.fill(second, '\0');
    }
  }

  private char[] read(String prompt) throws KeyringException {
    try {
      return terminal.readSecret(prompt, "the keyring passphrase");
    } catch (CliException e) {
      throw new KeyringException(Reason.NO_PASSPHRASE, e.getMessage());
    }
  }
}
