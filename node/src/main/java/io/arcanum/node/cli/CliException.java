package io.arcanum.node.cli;

/**
 * A CLI command could not do its job; the message is printed as {@code Error: <message>} and the
 * process exits with {@link #exitCode()}. Messages never hold secrets.
 */
public final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public CliException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
