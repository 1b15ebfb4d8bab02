package io.arcanum.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.node.Main;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Runs {@code arcanum} in-process as a script would (piped streams, or a simulated terminal) and
 * keeps what it printed. The application factory is never used by the CLI commands.
 */
public final class CliRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final int exitCode;
  public final String out;
  public final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  /** {@code arcanum args…} with {@code stdin} piped in and {@code userHome} as {@code ~}. */
  public static CliRun piped(Path userHome, String stdin, String... args) {
    return run(userHome, false, stdin, args);
  }

  /** The same on a simulated terminal: prompts shown, confirmations asked. */
  public static CliRun interactive(Path userHome, String stdin, String... args) {
    return run(userHome, true, stdin, args);
  }

  private static CliRun run(Path userHome, boolean interactive, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    StringReader in = new StringReader(stdin);
    Terminal terminal =
        interactive
            ? Terminal.simulated(in, outWriter, errWriter)
            : Terminal.piped(in, outWriter, errWriter);
    int code =
        Main.run(
            args,
            environment -> {
              throw new IllegalStateException("the CLI commands never start an application");
            },
            new CliContext(terminal, new SecureRandom(), userHome));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Standard output as JSON. */
  public JsonNode json() {
    try {
      return JSON.readTree(out);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
