package io.arcanum.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The waiting line: rewritten in place on a terminal, sparse plain lines in a log. */
class ProgressLineTest {
  static final String HASH = "5F3A9C0D11223344556677889900AABBCCDDEEFF00112233445566778899AAE1";

  @Test
  void onATerminalTheLineIsRewrittenInPlaceAndErasedAtTheEnd() {
    StringWriter err = new StringWriter();
    ProgressLine progress = new ProgressLine(new PrintWriter(err), true);
    progress.waiting(HASH, Duration.ofSeconds(9));
    progress.waiting(HASH, Duration.ofSeconds(10));
    progress.finish();
    String line9 = "waiting for tx 5F3A9C…E1 to be included (9 s)";
    String line10 = "waiting for tx 5F3A9C…E1 to be included (10 s)";
    assertThat(err.toString())
        .isEqualTo("\r" + line9 + "\r" + line10 + "\r" + " ".repeat(line10.length()) + "\r");
  }

  @Test
  void inALogTheLineIsPrintedAtOnceAndThenEveryFiveSeconds() {
    StringWriter err = new StringWriter();
    ProgressLine progress = new ProgressLine(new PrintWriter(err), false);
    for (int second = 0; second <= 11; second++) {
      progress.waiting(HASH, Duration.ofSeconds(second));
    }
    progress.finish();
    assertThat(err.toString().lines())
        .containsExactly(
            "waiting for tx 5F3A9C…E1 to be included (0 s)",
            "waiting for tx 5F3A9C…E1 to be included (5 s)",
            "waiting for tx 5F3A9C…E1 to be included (10 s)");
  }
}
