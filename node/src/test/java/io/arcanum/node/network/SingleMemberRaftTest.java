package io.arcanum.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.app.ChainConfig;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.SignedTxs;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.consensus.ExecutorBlockScheduler;
import io.arcanum.node.consensus.SoloDriver;
import io.arcanum.node.consensus.raft.RaftTuning;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import io.arcanum.node.rest.RestOptions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    NodeHome home = new NodeHome(dir.resolve("v0"));
    HomeInitializer.init(
        home,
        NodeConfig.defaults(SignedTxs.CHAIN_ID)
            .withBlockIntervals(Duration.ofMillis(200), Duration.ofMillis(20)),
        LocalSecretAccounts.accounts(),
        Instant.now());
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (NodeKey key = NodeKey.read(home.nodeKeyFile())) {
      new NetworkConfig(
              "v0",
              "127.0.0.1:" + port,
              List.of(new NetworkConfig.Member("v0", "127.0.0.1:" + port, key.publicKey().bytes())),
              5)
          .write(home.networkConfigFile());
    }
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
