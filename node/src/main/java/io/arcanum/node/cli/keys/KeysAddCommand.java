package io.arcanum.node.cli.keys;

import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arcanum keys add NAME [--recover]}, as {@code secretcli keys add}. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a key with a new 24-word mnemonic, printed once; with --recover, reads the mnemonic"
          + " of an existing account from the terminal (or a line of standard input)."
    })
final class KeysAddCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "the key's name")
  String name;

  @Option(
      names = "--recover",
      description = "recover a key from its mnemonic instead of creating one")
  boolean recover;

  @Option(
      names = "--no-backup",
      description = "do not print the new mnemonic (the key cannot be recovered without it)")
  boolean noBackup;

  @Mixin NewKeyOptions path;
  @Mixin KeyringOptions keyring;
  @Mixin OutputOptions output;

  KeysAddCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    return KeyCreation.run(context, keyring, output, name, path.path(), recover, !noBackup);
  }
}
