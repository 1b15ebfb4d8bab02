package io.arcanum.node;

import io.arcanum.node.app.ApplicationFactory;
import io.arcanum.node.app.ChainAppFactory;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code arcanum}: the node's command line (docs/node.md). {@code arcanum init} makes a home;
 * {@code arcanum dev} runs a LocalSecret-style single-validator chain, initialising it first.
 */
@Command(
    name = "arcanum",
    mixinStandardHelpOptions = true,
    version = "arcanum " + Main.VERSION,
    description = "Secret contracts on the JVM: run an Arcanum node.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** The node's version, as {@code --version} and the REST API's node info give it. */
  public static final String VERSION = "0.1.0";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty(
          "java.util.logging.SimpleFormatter.format",
          io.arcanum.node.enclave.NodeEnclave.JUL_FORMAT);
    }
    System.exit(run(args, new ChainAppFactory(), null, null));
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
    CommandLine line =
        new CommandLine(new Main())
            .addSubcommand(new InitCommand())
            .addSubcommand(new DevCommand(factory));
    if (out != null) {
      line.setOut(out);
    }
    if (err != null) {
      line.setErr(err);
    }
    return line.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: init or dev");
  }
}
