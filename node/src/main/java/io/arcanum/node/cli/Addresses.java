package io.arcanum.node.cli;

import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bech32.InvalidBech32Exception;
import io.arcanum.node.cli.keyring.Keyring;
import io.arcanum.node.cli.keyring.KeyringException;
import java.util.Optional;

/**
 * Address arguments: a {@code secret1…} address, or the name of a key in the keyring (a convenience
 * secretcli lacks for recipients; a key name can never look like an address, so there is no
 * ambiguity).
 */
public final class Addresses {
  private Addresses() {}

  /**
   * A {@code secret1…} address argument, checked.
   *
   * @throws CliException ({@link ExitCode#USAGE}) naming the argument and what is wrong
   */
  public static String require(String text, String what) throws CliException {
    try {
      CosmosAddress.parseSecret(text);
      return text;
    } catch (InvalidBech32Exception e) {
      throw CliException.usage(
          what + " '" + text + "' is not a secret1… address: " + e.getMessage());
    }
  }

  /**
   * An address, or the address of a key in {@code keyring}.
   *
   * @param what names the argument in errors, e.g. {@code "recipient"}
   * @throws CliException ({@link ExitCode#USAGE}) if it is neither
   */
  public static String resolve(String text, Keyring keyring, String what)
      throws CliException, KeyringException {
    try {
      CosmosAddress.parseSecret(text);
      return text;
    } catch (InvalidBech32Exception notAnAddress) {
      Optional<String> key = keyring.find(text).map(k -> k.bech32Address());
      if (key.isPresent()) {
        return key.get();
      }
      throw CliException.usage(
          what
              + " '"
              + text
              + "' is neither a secret1… address ("
              + notAnAddress.getMessage()
              + ") nor a key in "
              + keyring.dir());
    }
  }
}
