package io.arcanum.node.cli.keys;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code arcanum keys …}: the local keyring (docs/cli.md "Keyring"). */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manages the local keyring: keys that sign txs and decrypt their results.",
    subcommands = {
      KeysAddCommand.class,
      KeysRecoverCommand.class,
      KeysListCommand.class,
      KeysShowCommand.class,
      KeysDeleteCommand.class
    })
public final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a keys command: add, recover, list, show or delete");
  }
}
