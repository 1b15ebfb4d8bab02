package io.arcanum.node.cli.keys;

import io.arcanum.node.cli.CliCommand;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.ExitCode;
import io.arcanum.node.cli.KeyringOptions;
import io.arcanum.node.cli.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code arcanum keys recover NAME}: the same as {@code keys add NAME --recover}. */
@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description = {
      "Stores the key of an existing mnemonic, read from the terminal (or a line of standard"
          + " input); the same as keys add NAME --recover."
    })
final class KeysRecoverCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "the key's name")
  String name;

  @Mixin NewKeyOptions path;
  @Mixin KeyringOptions keyring;
  @Mixin OutputOptions output;

  KeysRecoverCommand(CliContext context) {
    super(context);
  }

  @Override
  protected ExitCode execute() throws Exception {
    return KeyCreation.run(context, keyring, output, name, path.path(), true, false);
  }
}
