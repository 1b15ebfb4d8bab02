package io.arcanum.bench;

import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.TxOptions;
import io.arcanum.client.TxResponse;
import io.arcanum.client.tx.Coins;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.consensus.raft.RaftDriver;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.network.LocalTestnet;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What consensus among validators costs a user: a bank send through the Java SDK, from broadcast to
 * the committed result, on a 3-validator Raft network on loopback ({@code arcanum testnet}'s
 * network: every node executes the block in its own enclave and fsyncs its store) — sent to the
 * leader, and to a follower that checks and forwards it — against the solo dev node. A block comes
 * 10 ms after a tx arrives (the minimum interval), so the figures are the consensus and execution
 * path, not the block timer. All nodes and the client share the machine's CPUs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(
    value = 1,
    jvmArgs = {
      "--enable-native-access=ALL-UNNAMED",
      "-XX:-DontCompileHugeMethods",
      "-Darcanum.log.level=WARN"
    })
public class NetworkBench {
  static final String CHAIN_ID = "secretdev-1";
  static final NodeConfig CONFIG =
      NodeConfig.defaults(CHAIN_ID)
          .withBlockIntervals(Duration.ofSeconds(1), Duration.ofMillis(10));

  /** Three validators, each with its own home, enclave, store and Raft server. */
  @State(Scope.Benchmark)
  public static class Network {
    Path directory;
    List<NodeRunner> nodes = new ArrayList<>();
    SecretNetworkClient viaLeader;
    SecretNetworkClient viaFollower;

    @Setup(Level.Trial)
    public void start() throws Exception {
      directory = Files.createTempDirectory("arcanum-network-bench");
      int raft;
      try (ServerSocket probe = new ServerSocket(0)) {
        raft = probe.getLocalPort();
      }
      LocalTestnet testnet = new LocalTestnet(directory, 3, 0, Math.min(raft, 60000), 1317);
      testnet.create(
          CONFIG,
          LocalSecretAccounts.accounts(),
          Instant.now(),
          NetworkConfig.DEFAULT_SNAPSHOT_INTERVAL);
      for (NodeHome home : testnet.validatorHomes()) {
        nodes.add(NodeRunner.startOnLoopback(home));
      }
      int leader = -1;
      while (leader < 0) {
        for (int i = 0; i < nodes.size(); i++) {
          if (((RaftDriver) nodes.get(i).driver()).leads()) {
            leader = i;
          }
        }
        Thread.sleep(50);
      }
      viaLeader = client(nodes.get(leader).restUrl(), "a");
      viaFollower = client(nodes.get((leader + 1) % nodes.size()).restUrl(), "b");
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      nodes.forEach(NodeRunner::close);
      deleteTree(directory);
    }
  }

  /** The dev chain's single validator with the same block timing. */
  @State(Scope.Benchmark)
  public static class Solo {
    Path directory;
    NodeRunner node;
    SecretNetworkClient client;

    @Setup(Level.Trial)
    public void start() throws Exception {
      directory = Files.createTempDirectory("arcanum-solo-bench");
      NodeHome home = new NodeHome(directory.resolve("home"));
      HomeInitializer.init(home, CONFIG, LocalSecretAccounts.accounts(), Instant.now());
      node = NodeRunner.startOnLoopback(home);
      client = client(node.restUrl(), "a");
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      node.close();
      deleteTree(directory);
    }
  }

  @Benchmark
  public TxResponse sendViaLeader(Network network) {
    return send(network.viaLeader);
  }

  @Benchmark
  public TxResponse sendViaFollower(Network network) {
    return send(network.viaFollower);
  }

  @Benchmark
  public TxResponse sendSolo(Solo solo) {
    return send(solo.client);
  }

  private static TxResponse send(SecretNetworkClient client) {
    TxResponse response =
        client.bankSend(
            LocalSecretAccounts.KNOWN.get(3).address(),
            List.of(Coins.uscrt(1)),
            TxOptions.builder()
                .gasLimit(100_000)
                .broadcastCheckInterval(Duration.ofMillis(2))
                .build());
    if (!response.isSuccess()) {
      throw new IllegalStateException("the send failed: " + response.rawLog());
    }
    return response;
  }

  static SecretNetworkClient client(String url, String account) {
    return SecretNetworkClient.builder()
        .url(url)
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

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
