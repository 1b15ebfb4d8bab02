package io.arcanum.node.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Standard input, output and error of one CLI run, and whether a person is at a terminal.
 *
 * <p>Interactive (standard input is a terminal): the CLI asks before it broadcasts and the progress
 * line is rewritten in place; secrets are read with echo off on Java's console, which exists only
 * when standard output is a terminal too (otherwise they are refused rather than shown). Not
 * interactive (piped, in scripts and tests): secrets are read as lines of standard input, nothing
 * asks, and progress is printed as plain lines. Prompts and progress go to standard error, so
 * standard output holds only the result ({@code -o json} stays parseable).
 */
public final class Terminal {
  private final BufferedReader in;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Console console;
  private final boolean interactive;
  private final boolean echoingTerminal;

  private Terminal(
      BufferedReader in,
      PrintWriter out,
      PrintWriter err,
      Console console,
      boolean interactive,
      boolean echoingTerminal) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.console = console;
    this.interactive = interactive;
    this.echoingTerminal = echoingTerminal;
  }

  /**
   * The process's streams. Interactive when standard input is a terminal. Java has a console (echo
   * off for secrets) only when standard output is a terminal too; with output redirected, secrets
   * are refused rather than read with echo on.
   */
  public static Terminal system() {
    Console console = System.console();
    boolean terminal = console != null && isTerminal(console);
    boolean stdinIsTerminal = terminal || stdinIsTerminal();
    Charset charset = console != null ? console.charset() : Charset.defaultCharset();
    return new Terminal(
        new BufferedReader(new InputStreamReader(System.in, charset)),
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        terminal ? console : null,
        stdinIsTerminal,
        stdinIsTerminal && !terminal);
  }

  /** Non-interactive streams, as in a script: secrets and answers are lines of {@code in}. */
  public static Terminal piped(Reader in, PrintWriter out, PrintWriter err) {
    return new Terminal(new BufferedReader(in), out, err, null, false, false);
  }

  /**
   * Streams that behave as a terminal (prompts, confirmation, progress rewritten in place) but read
   * from {@code in}: for tests of the interactive paths.
   */
  public static Terminal simulated(Reader in, PrintWriter out, PrintWriter err) {
    return new Terminal(new BufferedReader(in), out, err, null, true, false);
  }

  /** This terminal with other output streams (either may be null to keep the current one). */
  public Terminal withOutput(PrintWriter newOut, PrintWriter newErr) {
    return new Terminal(
        in,
        newOut != null ? newOut : out,
        newErr != null ? newErr : err,
        console,
        interactive,
        echoingTerminal);
  }

  /** Linux: whether file descriptor 0 is a terminal device; false where that cannot be known. */
  private static boolean stdinIsTerminal() {
    try {
      String target =
          java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/0")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /**
   * Java 22 added {@code Console.isTerminal()}; before it, a non-null console meant a terminal.
   * Called reflectively because the code is compiled for release 21.
   */
  private static boolean isTerminal(Console console) {
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException olderJava) {
      return true;
    }
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  /** Whether a person is at a terminal to answer prompts. */
  public boolean interactive() {
    return interactive;
  }

  /**
   * One line of input after printing {@code prompt} to standard error (when interactive).
   *
   * @throws CliException ({@link ExitCode#USAGE}) at the end of input, naming what was expected
   */
  public String readLine(String prompt, String what) throws CliException {
    if (interactive) {
      err.print(prompt);
      err.flush();
    }
    try {
      String line = console != null ? console.readLine() : in.readLine();
      if (line == null) {
        throw CliException.usage("expected " + what + " on standard input, found its end");
      }
      return line;
    } catch (IOException e) {
      throw CliException.usage("cannot read " + what + " from standard input: " + e.getMessage());
    }
  }

  /**
   * A secret (mnemonic, passphrase): echo off on a console, else a line of piped standard input.
   *
   * @throws CliException ({@link ExitCode#USAGE}) when standard input is a terminal that Java
   *     cannot turn echo off on (standard output redirected): the secret would show on the screen
   */
  public char[] readSecret(String prompt, String what) throws CliException {
    if (echoingTerminal) {
      throw CliException.usage(
          "cannot read "
              + what
              + " without showing it: standard output is redirected, so Java has no console;"
              + " run without redirecting, or pipe "
              + what
              + " in on standard input");
    }
    if (console != null) {
      char[] secret = console.readPassword("%s", prompt);
      if (secret == null) {
        throw CliException.usage("expected " + what + " on the terminal, found its end");
      }
      return secret;
    }
    return readLine(prompt, what).toCharArray();
  }

  /**
   * Asks a yes/no question; only a person at a terminal is asked (see class comment), so this
   * returns true when not interactive.
   */
  public boolean confirm(String question) throws CliException {
    if (!interactive) {
      return true;
    }
    String answer = readLine(question + " [y/N]: ", "an answer").strip().toLowerCase(Locale.ROOT);
    return answer.equals("y") || answer.equals("yes");
  }
}
