package io.arcanum.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.tx.Coins;
import io.arcanum.node.Main;
import io.arcanum.node.genesis.LocalSecretAccounts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator running as its own process ({@code arcanum start}) is killed with SIGKILL at random
 * moments while bank sends stream through another validator; each time it restarts, recovers its
 * Raft log and store, and catches up to the same app hash at every height as the two validators in
 * this JVM.
 */
@Timeout(300)
class MemberCrashTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aValidatorKilledWithSigkillRestartsAndCatchesUpToTheSameAppHashes(@TempDir Path dir)
      throws Exception {
    Random random = new Random(20261124);
    try (TestNetwork network = TestNetwork.create(dir, 3, 0, 20)) {
      network.kill(2);
      int restPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        restPort = socket.getLocalPort();
      }
      String child = "http://127.0.0.1:" + restPort;

      AtomicBoolean sending = new AtomicBoolean(true);
      AtomicReference<Throwable> sendFailure = new AtomicReference<>();
      Thread sender =
          Thread.ofPlatform()
              .start(
                  () -> {
                    SecretNetworkClient a = network.client(0, "a");
                    String d = LocalSecretAccounts.KNOWN.get(3).address();
                    try {
                      while (sending.get()) {
                        assertThat(
                                a.bankSend(d, List.of(Coins.uscrt(1)), TestNetwork.gas(100_000))
                                    .isSuccess())
                            .isTrue();
                      }
                    } catch (Throwable e) {
                      sendFailure.set(e);
                    }
                  });
      try {
        for (int round = 0; round < 3; round++) {
          Process process = startChild(network, dir, restPort, round);
          try {
            long target = network.commonHeight() + 3;
            awaitChild("v2 to reach height " + target, child, target);
            Thread.sleep(random.nextInt(400));
          } finally {
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor();
          }
          long before = network.commonHeight();
          network.awaitAllAt(before + 3); // the other two go on without it
        }
        Process last = startChild(network, dir, restPort, 3);
        try {
          long target = network.commonHeight();
          awaitChild("v2 to catch up to " + target, child, target);
          // a header's app_hash is the state after the previous block, as in CometBFT
          for (long h = 2; h <= target; h++) {
            assertThat(childAppHash(child, h))
                .as("v2's app hash after height %d", h - 1)
                .isEqualTo(HexFormat.of().formatHex(network.appHash(0, h - 1)));
          }
        } finally {
          last.destroy();
          last.waitFor();
        }
      } finally {
        sending.set(false);
        sender.join();
      }
      assertThat(sendFailure.get()).isNull();
      network.assertSameAppHashesUpTo(network.commonHeight());
    }
  }

  /** {@code arcanum start} on v2's home, in a JVM of its own. */
  static Process startChild(TestNetwork network, Path dir, int restPort, int round)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classpath,
            Main.class.getName(),
            "start",
            "--home",
            network.home(2).root().toString(),
            "--rest-address",
            "127.0.0.1",
            "--rest-port",
            String.valueOf(restPort))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("v2-" + round + ".log").toFile())
        .start();
  }

  static void awaitChild(String what, String url, long height) throws InterruptedException {
    TestNetwork.awaitTrue(what, () -> childHeight(url) >= height);
  }

  static long childHeight(String url) {
    try {
      JsonNode block = get(url + "/cosmos/base/tendermint/v1beta1/blocks/latest");
      return block.path("block").path("header").path("height").asLong(0);
    } catch (IOException | InterruptedException e) {
      return 0;
    }
  }

  static String childAppHash(String url, long height) throws Exception {
    JsonNode block = get(url + "/cosmos/base/tendermint/v1beta1/blocks/" + height);
    return HexFormat.of()
        .formatHex(
            Base64.getDecoder()
                .decode(block.path("block").path("header").path("app_hash").asText()));
  }

  static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
