package io.arcanum.node.cli.tx;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code arcanum tx …}: sign and broadcast txs with a keyring key (docs/cli.md). */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = "Signs and broadcasts txs; contract messages are encrypted, results decrypted.",
    subcommands = {TxCommand.Bank.class, TxCommand.Compute.class, RegisterCommand.class})
public final class TxCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a tx module: bank, compute or register");
  }

  /** {@code arcanum tx bank …}. */
  @Command(
      name = "bank",
      mixinStandardHelpOptions = true,
      description = "Bank txs.",
      subcommands = {BankSendCommand.class})
  static final class Bank implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "name a bank tx: send");
    }
  }

  /** {@code arcanum tx compute …}. */
  @Command(
      name = "compute",
      aliases = "wasm",
      mixinStandardHelpOptions = true,
      description = "Secret contract txs: store code, instantiate, execute.",
      subcommands = {StoreCommand.class, InstantiateCommand.class, ExecuteCommand.class})
  static final class Compute implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "name a compute tx: store, instantiate or execute");
    }
  }
}
