package io.arcanum.node.cli.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.bip32.HdPath;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.OutputOptions;
import io.arcanum.node.cli.Terminal;
import io.arcanum.node.cli.keyring.KeyInfo;
import io.arcanum.node.cli.keyring.Keyring;
import io.arcanum.node.cli.keyring.KeyringException;
import io.arcanum.node.cli.keyring.KeyringException.Reason;
import java.util.Arrays;

/**
 * What {@code keys add} and {@code keys recover} share: take a new or recovered mnemonic, store the
 * key, print it. A new mnemonic is shown exactly once, on standard error in text mode (as the
 * Cosmos SDK does, so redirecting the result does not capture it) or as {@code "mnemonic"} in JSON;
 * a recovered one is never echoed.
 */
final class KeyCreation {
  /** secretjs's default for new wallets. */
  static final int NEW_MNEMONIC_WORDS = 24;

  private KeyCreation() {}

  static ExitCode run(
      CliContext context,
      KeyringOptions keyringOptions,
      OutputOptions output,
      String name,
      HdPath path,
      boolean recover,
      boolean showMnemonic)
      throws Exception {
    Terminal terminal = context.terminal();
    Keyring keyring = keyringOptions.open(context);
    if (keyring.contains(name)) {
      // before asking for a mnemonic the user would type in vain
      throw new KeyringException(
          Reason.DUPLICATE_NAME, "a key named '" + name + "' already exists in " + keyring.dir());
    }
    Mnemonic mnemonic =
        recover ? readMnemonic(terminal) : Mnemonic.generate(context.random(), NEW_MNEMONIC_WORDS);
    try (mnemonic) {
      KeyInfo key = keyring.add(name, mnemonic, path);
      ObjectNode json = KeyJson.of(key);
      boolean printMnemonic = !recover && showMnemonic;
      if (output.json()) {
        if (printMnemonic) {
          json.put("mnemonic", mnemonic.phrase());
        }
        output.print(terminal, json);
      } else {
        output.print(terminal, json);
        if (printMnemonic) {
          terminal
              .err()
              .printf(
                  "%n**Important** write this mnemonic phrase in a safe place.%n"
                      + "It is the only way to recover your account.%n%n%s%n",
                  mnemonic.phrase());
          terminal.err().flush();
        }
      }
      return ExitCode.OK;
    }
  }

  private static Mnemonic readMnemonic(Terminal terminal) throws Exception {
    char[] phrase = terminal.readSecret("> Enter your bip39 mnemonic: ", "a mnemonic");
    try {
      return Keyring.parseMnemonic(new String(phrase));
    } finally {
      Arrays.fill(phrase, '\0');
    }
  }
}
