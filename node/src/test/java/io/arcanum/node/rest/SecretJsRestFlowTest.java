package io.arcanum.node.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.crypto.SecretJs;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.SignedTxs;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of the REST API inside the build: the same script as {@code .ci/secretjs-e2e}
 * ({@code src/test/node/secretjs-flow.mjs}, unmodified secretjs 1.22.1) against a node started here
 * with its own block timer and the REST API on a free port. Needs Node.js: skipped without it
 * locally, failing in CI ({@link SecretJs}).
 */
class SecretJsRestFlowTest {
  static final Path SCRIPT = Path.of("src", "test", "node", "secretjs-flow.mjs").toAbsolutePath();

  @Test
  @Timeout(600)
  void unmodifiedSecretJsRunsTheWholeFlowAgainstTheNode(@TempDir Path dir) throws Exception {
    Path modules = SecretJs.nodeModules();
    NodeHome home = new NodeHome(dir.resolve("home"));
    HomeInitializer.init(
        home,
        NodeConfig.defaults(SignedTxs.CHAIN_ID),
        LocalSecretAccounts.accounts(),
        Instant.now());

    try (NodeRunner node = NodeRunner.startOnLoopback(home)) {
      Path output = dir.resolve("flow.out");
      ProcessBuilder flow =
          new ProcessBuilder("node", SCRIPT.toString())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      flow.environment().put("ARCANUM_URL", node.restUrl());
      flow.environment().put("SECRETJS_MODULES", modules.toString());
      Process process = flow.start();
      boolean finished = process.waitFor(5, TimeUnit.MINUTES);
      if (!finished) {
        process.destroyForcibly();
      }
      String log = Files.readString(output);

      assertThat(finished).as("the flow finished in time:\n%s", log).isTrue();
      assertThat(process.exitValue()).as("secretjs flow:\n%s", log).isZero();
      assertThat(log).contains("secretjs flow: all steps passed");
    }
  }
}
