package io.arcanum.node.cli;

import io.arcanum.node.cli.keyring.KeyringException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the {@code keys}, {@code tx} and {@code query} leaf commands: runs {@link #execute()} and
 * turns every failure into one {@code Error: …} line on standard error and an {@link ExitCode}
 * (docs/cli.md "Exit codes"). Usage errors are left to picocli, which prints the message with the
 * command's usage and exits with 2.
 */
public abstract class CliCommand implements Callable<Integer> {
  protected final CliContext context;

  @Spec protected CommandSpec spec;

  protected CliCommand(CliContext context) {
    this.context = context;
  }

  /**
   * Does the command's work, printing its result to standard output.
   *
   * @return {@link ExitCode#OK}, or {@link ExitCode#FAILED} when the result was printed but says
   *     the chain refused (a tx with code ≠ 0)
   */
  protected abstract ExitCode execute() throws Exception;

  @Override
  public final Integer call() {
    return guard(context.terminal(), this::execute);
  }

  /**
   * Runs {@code work}, mapping its failures to an {@code Error:} line and an exit code; for
   * commands written as methods as well as classes.
   */
  public static int guard(Terminal terminal, Callable<ExitCode> work) {
    try {
      return work.call().code();
    } catch (CommandLine.ParameterException e) {
      throw e;
    } catch (CliException e) {
      return fail(terminal, e.exitCode(), e.getMessage());
    } catch (KeyringException e) {
      return fail(terminal, ExitCode.KEYRING, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(terminal, ExitCode.INTERRUPTED, "interrupted");
    } catch (RuntimeException e) {
      CliException mapped = Failures.of(e);
      return fail(terminal, mapped.exitCode(), mapped.getMessage());
    } catch (Exception e) {
      return fail(terminal, ExitCode.INTERNAL, "internal error: " + e);
    }
  }

  private static int fail(Terminal terminal, ExitCode code, String message) {
    terminal.err().println("Error: " + message);
    terminal.err().flush();
    return code.code();
  }

  protected Terminal terminal() {
    return context.terminal();
  }

  /** A usage error about this command's arguments, reported by picocli (exit code 2). */
  protected CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
