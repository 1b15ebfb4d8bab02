package io.arcanum.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.node.TestNode;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.genesis.LocalSecretAccounts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tx the node accepts but never includes (blocks are made by hand here, and none is): the CLI
 * gives up after {@code --timeout}, names the hash to check later and exits with 4; with {@code -b
 * sync} it does not wait at all and prints the accepted tx.
 */
@Timeout(120)
class CliTimeoutTest {
  static final String A = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";

  @Test
  void aTxNotIncludedInTimeExitsWithFourAndSyncModeDoesNotWait(@TempDir Path dir) throws Exception {
    try (TestNode node =
        TestNode.serving(
            TestNode.init(dir.resolve("node"), BlockLimits.DEFAULT), Duration.ofSeconds(5))) {
      node.block();
      Path user = dir.resolve("user");
      String url = node.restUrl().toString();
      CliRun.piped(
          user, LocalSecretAccounts.KNOWN.get(0).mnemonic() + "\n", "keys", "recover", "a");
      CliRun.piped(
          user, LocalSecretAccounts.KNOWN.get(1).mnemonic() + "\n", "keys", "recover", "b");

      CliRun waited =
          CliRun.piped(
              user, "", "tx", "bank", "send", "a", A, "1uscrt", "--node", url, "--timeout", "1");
      assertThat(waited.exitCode).as(waited.toString()).isEqualTo(4);
      assertThat(waited.err)
          .containsPattern(
              "Error: tx [0-9A-F]{64} was broadcast but not included within the timeout")
          .contains("check with `arcanum query tx ");
      assertThat(waited.out).isEmpty();

      CliRun sync =
          CliRun.piped(
              user, "", "tx", "bank", "send", "b", A, "1uscrt", "--node", url, "-b", "sync", "-o",
              "json");
      assertThat(sync.exitCode).as(sync.toString()).isZero();
      assertThat(sync.json().get("height").asText()).isEqualTo("0");
      assertThat(sync.json().get("code").asInt()).isZero();
      assertThat(sync.json().get("txhash").asText()).matches("[0-9A-F]{64}");
      assertThat(sync.err).doesNotContain("waiting");
    }
  }
}
