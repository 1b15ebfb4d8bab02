package io.arcanum.node.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.app.ChainConfig;
import io.arcanum.node.TestNode;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NodeHome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REST port that is taken, or an address that does not resolve, stops the node at start with a
 * message naming it and what to change, and leaves the home free for the next start.
 */
class RestPortTest {
  @Test
  void aTakenPortIsRefusedNamingItAndTheHomeStaysUsable(@TempDir Path dir) throws Exception {
    NodeHome home = TestNode.init(dir, BlockLimits.DEFAULT);
    int max = ChainConfig.DEFAULT_MAX_TX_BYTES;
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> TestNode.serving(home, RestOptions.at("127.0.0.1", port, max)))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("cannot serve the REST API on 127.0.0.1:" + port + " (")
          .hasMessageContaining("--rest-port");
    }
    assertThatThrownBy(() -> TestNode.serving(home, RestOptions.at("no-such-host.invalid", 0, max)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no-such-host.invalid: the address does not resolve");

    try (TestNode node = TestNode.serving(home, RestOptions.at("127.0.0.1", 0, max))) {
      assertThat(node.restUrl().getPort()).isPositive();
    }
  }
}
