package io.arcanum.node;

import io.arcanum.node.app.ApplicationFactory;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.cli.CliContext;
import io.arcanum.node.cli.CliFactory;
import io.arcanum.node.cli.enclave.EnclaveCommand;
import io.arcanum.node.cli.keys.KeysCommand;
import io.arcanum.node.cli.query.ChainQueries;
import io.arcanum.node.cli.tx.TxCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code arcanum}: the node's command line (docs/node.md) and the user's, like secretcli
 * (docs/cli.md). {@code arcanum init} makes a home; {@code arcanum dev} runs a LocalSecret-style
 * single-validator chain, initialising it first; {@code keys}, {@code tx} and {@code query} manage
 * keys and talk to a node's REST API.
 */
@Command(
    name = "arcanum",
    mixinStandardHelpOptions = true,
    version = "arcanum " + Main.VERSION,
    description = "Secret contracts on the JVM: run an Arcanum node and use it.",
    subcommands = {CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes of keys, tx, query and enclave (docs/cli.md):%n",
    exitCodeList = {
      "0:success",
      "1:the tx or query failed on the chain (error decrypted where possible), or a join step was refused",
      "2:usage error",
      "3:node unreachable, or not an LCD",
      "4:timed out waiting for the tx to be included",
      "5:keyring error (no such key, wrong passphrase, bad mnemonic)",
      "6:cancelled at the confirmation prompt",
      "70:internal error",
      "130:interrupted"
    })
public final class Main implements Runnable {
  /** The node's version, as {@code --version} and the REST API's node info give it. */
  public static final String VERSION = "0.1.0";

  /** The commands whose standard output is a result (docs/cli.md), not the node's log. */
  private static final java.util.Set<String> USER_COMMANDS =
      java.util.Set.of("keys", "tx", "query", "enclave");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty(
          "java.util.logging.SimpleFormatter.format",
          io.arcanum.node.enclave.NodeEnclave.JUL_FORMAT);
    }
    if (args.length > 0 && USER_COMMANDS.contains(args[0])) {
      // before the first log line configures logback: results own standard output
      System.setProperty("arcanum.log.target", "System.err");
      System.setProperty("arcanum.log.level", "WARN");
      java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
    System.exit(run(args, new ChainAppFactory(), CliContext.system()));
  }

  /**
   * Runs the command line with {@code factory} building the application.
   *
   * @param out standard output, or null for the console's
   * @param err standard error, or null for the console's
   * @return the exit code
   */
  public static int run(
      String[] args, ApplicationFactory factory, PrintWriter out, PrintWriter err) {
    CliContext system = CliContext.system();
    return run(
        args,
        factory,
        new CliContext(system.terminal().withOutput(out, err), system.random(), system.userHome()));
  }

  /**
   * Runs the command line with {@code factory} building the application and {@code context} giving
   * the CLI commands their streams, randomness and home.
   *
   * @return the exit code (docs/cli.md "Exit codes")
   */
  public static int run(String[] args, ApplicationFactory factory, CliContext context) {
    CommandLine line =
        new CommandLine(new Main(), new CliFactory(context))
            .addSubcommand(new InitCommand())
            .addSubcommand(new DevCommand(factory))
            .addSubcommand(new StartCommand(factory))
            .addSubcommand(new TestnetCommand(factory))
            .addSubcommand(NetworkCommand.class)
            .addSubcommand(KeysCommand.class)
            .addSubcommand(TxCommand.class)
            .addSubcommand(EnclaveCommand.class)
            .addSubcommand(ChainQueries.class);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setOut(context.terminal().out());
    line.setErr(context.terminal().err());
    return line.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a command: init, dev, start, testnet, network, enclave, keys, tx or query");
  }
}
