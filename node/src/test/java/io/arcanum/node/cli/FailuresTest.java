package io.arcanum.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.client.BroadcastRejectedException;
import io.arcanum.client.SecretNetworkException;
import io.arcanum.client.TxTimeoutException;
import io.arcanum.client.lcd.LcdException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each kind of SDK failure gets its exit code and a line that names the problem. */
class FailuresTest {
  static final String HASH = "AB".repeat(32);

  static LcdException lcd(int status, int code, String message, String detail) {
    return new LcdException("GET", "/cosmos/tx/v1beta1/txs/X", status, code, message, detail, null);
  }

  @Test
  void noAnswerOrAnAnswerThatIsNotTheLcdsIsAnUnreachableNode() {
    CliException refused =
        Failures.of(
            lcd(
                LcdException.NO_RESPONSE,
                LcdException.NO_CODE,
                "",
                "cannot reach http://x: ConnectException"));
    assertThat(refused.exitCode()).isEqualTo(ExitCode.NODE_UNREACHABLE);
    assertThat(refused.getMessage()).contains("cannot reach http://x");

    CliException webPage =
        Failures.of(lcd(404, LcdException.NO_CODE, "", "error answer: <html>Not Found</html>"));
    assertThat(webPage.exitCode()).isEqualTo(ExitCode.NODE_UNREACHABLE);

    CliException notJson =
        Failures.of(lcd(200, LcdException.NO_CODE, "", "answer is not a JSON object: hello"));
    assertThat(notJson.exitCode()).isEqualTo(ExitCode.NODE_UNREACHABLE);
  }

  @Test
  void theNodesOwnErrorsAreFailuresOnTheChain() {
    CliException notFound =
        Failures.of(lcd(404, 5, "account secret1x not found", "account secret1x not found"));
    assertThat(notFound.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(notFound.getMessage()).isEqualTo("not found: account secret1x not found");

    CliException invalid = Failures.of(lcd(400, 3, "invalid address", "invalid address"));
    assertThat(invalid.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(invalid.getMessage()).isEqualTo("the node answered HTTP 400: invalid address");
  }

  @Test
  void refusedAndTimedOutTxsNameTheirHash() {
    CliException rejected =
        Failures.of(new BroadcastRejectedException(HASH, 13, "sdk", "insufficient fee"));
    assertThat(rejected.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(rejected.getMessage())
        .isEqualTo("the node rejected tx " + HASH + " (code 13, codespace sdk): insufficient fee");

    CliException late = Failures.of(new TxTimeoutException(HASH, Duration.ofSeconds(60)));
    assertThat(late.exitCode()).isEqualTo(ExitCode.TIMEOUT);
    assertThat(late.getMessage()).contains(HASH).contains("arcanum query tx " + HASH);
  }

  @Test
  void badInputIsUsageAndAnythingElseIsInternal() {
    assertThat(
            Failures.of(new IllegalArgumentException("execute msg is not valid JSON")).exitCode())
        .isEqualTo(ExitCode.USAGE);
    assertThat(Failures.of(new SecretNetworkException("the account does not exist")).exitCode())
        .isEqualTo(ExitCode.FAILED);
    CliException bug = Failures.of(new IllegalStateException("oops"));
    assertThat(bug.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(bug.getMessage()).isEqualTo("internal error: java.lang.IllegalStateException: oops");
  }
}
