package io.arcanum.node.cli;

import io.arcanum.node.cli.keyring.Keyring;
import io.arcanum.node.cli.keyring.KeyringBackend;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --home}, {@code --keyring-dir}, {@code --keyring-backend}: which keyring a command uses.
 * As in the Cosmos SDK, the keys live in {@code <keyring-dir or home>/keyring-<backend>/}.
 */
public final class KeyringOptions {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "the CLI's home folder, holding the keyring (default: ~/.arcanum)")
  Path home;

  @Option(
      names = "--keyring-dir",
      paramLabel = "DIR",
      description = "the folder holding keyring-<backend>/ (default: the home)")
  Path keyringDir;

  @Option(
      names = "--keyring-backend",
      paramLabel = "test|file",
      defaultValue = "${env:ARCANUM_KEYRING_BACKEND:-test}",
      description =
          "test: keys in the clear in 0600 files (development); file: keys sealed with a"
              + " passphrase (default: ${DEFAULT-VALUE}, or $ARCANUM_KEYRING_BACKEND)")
  KeyringBackend backend;

  /**
   * The CLI's home: {@code --home} or {@code ~/.arcanum}. A node's home too when both are one
   * folder, as in secretd ({@code arcanum tx register} reads the node's evidence from it).
   */
  public Path home(CliContext context) {
    return home != null ? home : context.defaultHome();
  }

  /** The keyring these options name; the file backend asks for passphrases on the terminal. */
  public Keyring open(CliContext context) {
    Path parent = keyringDir != null ? keyringDir : home(context);
    return Keyring.open(
        parent, backend, new TerminalPassphrases(context.terminal()), context.random());
  }
}
