package io.arcanum.node.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * The line on standard error while a broadcast tx waits to be included ({@code waiting for tx
 * 5F3A9C…E1 to be included (3 s)}). On a terminal it is rewritten in place and erased when the wait
 * ends; otherwise (logs, CI) it is printed as plain lines, the first at once and then one every
 * {@link #PLAIN_EVERY}, so a long wait shows it is alive without flooding the log. Never on
 * standard output, which holds only the result.
 */
public final class ProgressLine {
  /** How often a plain (non-terminal) progress line is repeated. */
  public static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

  private final PrintWriter err;
  private final boolean inPlace;
  private long lastPlainSlot = -1;
  private int shownWidth;

  public ProgressLine(Terminal terminal) {
    this(terminal.err(), terminal.interactive());
  }

  ProgressLine(PrintWriter err, boolean inPlace) {
    this.err = err;
    this.inPlace = inPlace;
  }

  /** Reports that {@code txHash} has been waited for {@code elapsed}. */
  public void waiting(String txHash, Duration elapsed) {
    String line =
        "waiting for tx " + shortHash(txHash) + " to be included (" + elapsed.toSeconds() + " s)";
    if (inPlace) {
      err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
      shownWidth = line.length();
      err.flush();
      return;
    }
    long slot = elapsed.toMillis() / PLAIN_EVERY.toMillis();
    if (slot != lastPlainSlot) {
      lastPlainSlot = slot;
      err.println(line);
      err.flush();
    }
  }

  /** Ends the progress display: erases the in-place line, so the result starts on a clean line. */
  public void finish() {
    if (inPlace && shownWidth > 0) {
      err.print("\r" + " ".repeat(shownWidth) + "\r");
      err.flush();
      shownWidth = 0;
    }
  }

  /** The first 6 and last 2 hex digits: enough to tell txs apart on screen. */
  static String shortHash(String hash) {
    return hash.length() <= 10
        ? hash
        : hash.substring(0, 6) + "…" + hash.substring(hash.length() - 2);
  }
}
