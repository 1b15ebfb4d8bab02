package io.arcanum.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.ChainReader;
import io.arcanum.chain.app.ChainConfig;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.TxOptions;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.consensus.ExecutorBlockScheduler;
import io.arcanum.node.consensus.SoloDriver;
import io.arcanum.node.consensus.raft.RaftDriver;
import io.arcanum.node.consensus.raft.RaftTuning;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.rest.RestOptions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A {@link LocalTestnet} of real nodes in this JVM — each its own home, enclave, RocksDB store and
 * Raft server on loopback — that tests stop ("kill") and start again, as Ratis's own in-JVM
 * fault-injection tests do. Raft is tuned so elections take well under a second and the log rolls
 * over after a few blocks, so a new node installs a snapshot.
 */
final class TestNetwork implements AutoCloseable {
  static final String CHAIN_ID = "arcanum-net-1";
  static final RaftTuning TUNING =
      new RaftTuning(64 * 1024, Duration.ofMillis(400), Duration.ofMillis(800));

  final LocalTestnet testnet;
  final NodeRunner[] nodes;

  private TestNetwork(LocalTestnet testnet) {
    this.testnet = testnet;
    this.nodes = new NodeRunner[testnet.validators() + testnet.spares()];
  }

  static TestNetwork create(Path dir, int validators, int spares, long snapshotInterval)
      throws Exception {
    int raft = freePortRange(validators + spares);
    LocalTestnet testnet = new LocalTestnet(dir, validators, spares, raft, 1317);
    testnet.create(
        NodeConfig.defaults(CHAIN_ID)
            .withBlockIntervals(Duration.ofMillis(300), Duration.ofMillis(30))
            .withBlockLimits(new BlockLimits(1000, 1 << 20)),
        LocalSecretAccounts.accounts(),
        Instant.now(),
        snapshotInterval);
    TestNetwork network = new TestNetwork(testnet);
    for (int i = 0; i < validators; i++) {
      network.start(i);
    }
    return network;
  }

  /** A block of free ports (each checked), for the Raft servers. */
  static int freePortRange(int count) throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (ServerSocket probe = new ServerSocket(0)) {
        base = probe.getLocalPort();
      }
      if (base + count > 65535) {
        continue;
      }
      boolean free = true;
      for (int i = 1; i < count && free; i++) {
        try (ServerSocket s = new ServerSocket(base + i)) {
          free = true;
        } catch (java.io.IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no block of free ports");
  }

  NodeHome home(int i) {
    return testnet.home(i);
  }

  /** Starts node {@code i} with REST on a free loopback port. */
  NodeRunner start(int i) throws Exception {
    return start(i, new ChainAppFactory());
  }

  NodeRunner start(int i, io.arcanum.node.app.ApplicationFactory factory) throws Exception {
    nodes[i] =
        NodeRunner.start(
            home(i),
            factory,
            0,
            SoloDriver::systemNanos,
            ExecutorBlockScheduler::new,
            config -> Optional.of(RestOptions.at("127.0.0.1", 0, ChainConfig.DEFAULT_MAX_TX_BYTES)),
            TUNING);
    return nodes[i];
  }

  /** Stops node {@code i} as a crash would leave the others: it simply goes away. */
  void kill(int i) {
    nodes[i].close();
    nodes[i] = null;
  }

  List<Integer> running() {
    List<Integer> up = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] != null) {
        up.add(i);
      }
    }
    return up;
  }

  RaftDriver driver(int i) {
    return (RaftDriver) nodes[i].driver();
  }

  int leader() throws InterruptedException {
    awaitTrue("a leader", () -> running().stream().anyMatch(i -> driver(i).leads()));
    return running().stream().filter(i -> driver(i).leads()).findFirst().orElseThrow();
  }

  ChainReader reader(int i) {
    return nodes[i].chainReader().orElseThrow();
  }

  long height(int i) {
    return nodes[i].driver().height();
  }

  /** Waits until every running node has committed at least {@code height}. */
  void awaitAllAt(long height) throws InterruptedException {
    awaitTrue(
        "every node at height " + height,
        () -> running().stream().allMatch(i -> height(i) >= height));
  }

  /** The highest height every running node has committed. */
  long commonHeight() {
    return running().stream().mapToLong(this::height).min().orElseThrow();
  }

  byte[] appHash(int node, long height) {
    return reader(node).blockStore().block(height).orElseThrow().appHash();
  }

  /** Every running node recorded the same app hash at every height up to {@code height}. */
  void assertSameAppHashesUpTo(long height) {
    List<Integer> up = running();
    for (long h = 1; h <= height; h++) {
      byte[] first = appHash(up.get(0), h);
      for (int i : up.subList(1, up.size())) {
        assertThat(HexFormat.of().formatHex(appHash(i, h)))
            .as("app hash of node v%d at height %d", i, h)
            .isEqualTo(HexFormat.of().formatHex(first));
      }
    }
  }

  SecretNetworkClient client(int node, String account) {
    return SecretNetworkClient.builder()
        .url(nodes[node].restUrl())
        .chainId(CHAIN_ID)
        .wallet(
            Wallet.fromMnemonic(
                LocalSecretAccounts.KNOWN.stream()
                    .filter(k -> k.name().equals(account))
                    .findFirst()
                    .orElseThrow()
                    .mnemonic()))
        .build();
  }

  static TxOptions gas(long limit) {
    return TxOptions.builder()
        .gasLimit(limit)
        .broadcastCheckInterval(Duration.ofMillis(30))
        .build();
  }

  static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static boolean same(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }

  @Override
  public void close() {
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] != null) {
        kill(i);
      }
    }
  }
}
