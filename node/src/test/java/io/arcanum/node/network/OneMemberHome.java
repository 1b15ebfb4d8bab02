package io.arcanum.node.network;

import io.arcanum.node.SignedTxs;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A LocalSecret home (chain {@code SignedTxs.CHAIN_ID}, short blocks) made the only member of its
 * Raft network, on a free loopback port.
 *
 * @param self its entry in its {@code network.json}
 */
public record OneMemberHome(NodeHome home, NetworkConfig.Member self) {

  public static OneMemberHome create(Path dir, long snapshotInterval) throws Exception {
    NodeHome home = new NodeHome(dir.resolve("v0"));
    HomeInitializer.init(
        home,
        NodeConfig.defaults(SignedTxs.CHAIN_ID)
            .withBlockIntervals(Duration.ofMillis(200), Duration.ofMillis(20)),
        LocalSecretAccounts.accounts(),
        Instant.now());
    String address;
    try (ServerSocket socket = new ServerSocket(0)) {
      address = "127.0.0.1:" + socket.getLocalPort();
    }
    NetworkConfig.Member self;
    try (NodeKey key = NodeKey.read(home.nodeKeyFile())) {
      self = new NetworkConfig.Member("v0", address, key.publicKey().bytes());
    }
    new NetworkConfig("v0", address, List.of(self), snapshotInterval)
        .write(home.networkConfigFile());
    return new OneMemberHome(home, self);
  }
}
