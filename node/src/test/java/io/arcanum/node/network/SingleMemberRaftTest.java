package io.arcanum.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.app.ChainConfig;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.SignedTxs;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.consensus.ExecutorBlockScheduler;
import io.arcanum.node.consensus.SoloDriver;
import io.arcanum.node.consensus.raft.RaftTuning;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.rest.RestOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A one-member Raft network: the same node as the dev chain, its blocks through the Raft log. */
@Timeout(120)
class SingleMemberRaftTest {

  @Test
  void aOneMemberNetworkMakesBlocksCommitsTxsAndResumesAfterARestart(@TempDir Path dir)
      throws Exception {
    NodeHome home = OneMemberHome.create(dir, 5).home();
    long committed;
    try (NodeRunner node = start(home)) {
      assertThat(node.driver().submit(SignedTxs.send(0, 0, 1, 1000)).isOk()).isTrue();
      waitFor(() -> node.driver().height() >= 12 && node.driver().pendingTxs() == 0);
      committed = node.driver().height();
    }
    try (NodeRunner node = start(home)) {
      assertThat(node.driver().height()).isGreaterThanOrEqualTo(committed);
      assertThat(node.driver().submit(SignedTxs.send(0, 1, 1, 1000)).isOk()).isTrue();
      waitFor(() -> node.driver().pendingTxs() == 0 && node.driver().height() > committed + 2);
    }
  }

  static NodeRunner start(NodeHome home) throws Exception {
    return NodeRunner.start(
        home,
        new ChainAppFactory(),
        0,
        SoloDriver::systemNanos,
        ExecutorBlockScheduler::new,
        config -> Optional.of(RestOptions.at("127.0.0.1", 0, ChainConfig.DEFAULT_MAX_TX_BYTES)),
        new RaftTuning(128 * 1024, Duration.ofMillis(300), Duration.ofMillis(600)));
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      Thread.sleep(20);
    }
  }
}
