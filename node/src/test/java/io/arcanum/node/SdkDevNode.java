package io.arcanum.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.TxOptions;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.client.wallet.WalletOptions;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A LocalSecret dev node as {@code ./arcanum dev} runs it — its own block timer, the REST API (on a
 * free loopback port) — for tests that use it only through the Java SDK, as a user would. Blocks
 * come 20 ms after the previous one while a tx waits, so the SDK's commit polling finds them.
 */
final class SdkDevNode implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Gas limits with room to spare: a store of the token uses about 390 000, its instantiate 140
   * 000, a transfer 76 000, the caller's sub-call 127 000, a bank send 45 000.
   */
  static final TxOptions STORE = options(1_000_000);

  static final TxOptions CONTRACT = options(300_000);
  static final TxOptions SEND = options(100_000);

  private final NodeRunner node;

  private SdkDevNode(NodeRunner node) {
    this.node = node;
  }

  static SdkDevNode start(Path dir) throws Exception {
    NodeHome home = new NodeHome(dir.resolve("home"));
    HomeInitializer.init(
        home,
        NodeConfig.defaults(SignedTxs.CHAIN_ID)
            .withBlockIntervals(Duration.ofMillis(200), Duration.ofMillis(20)),
        LocalSecretAccounts.accounts(),
        Instant.now());
    return new SdkDevNode(NodeRunner.startOnLoopback(home));
  }

  /** The REST (LCD) URL a client is built with. */
  String url() {
    return node.restUrl();
  }

  /** A client signing for LocalSecret account {@code name} (a, b, c, d, validator). */
  SecretNetworkClient client(String name) {
    return client(name, WalletOptions.defaults());
  }

  SecretNetworkClient client(String name, WalletOptions options) {
    return SecretNetworkClient.builder()
        .url(url())
        .chainId(SignedTxs.CHAIN_ID)
        .wallet(Wallet.fromMnemonic(known(name).mnemonic(), options))
        .build();
  }

  static LocalSecretAccounts.Known known(String name) {
    return LocalSecretAccounts.KNOWN.stream()
        .filter(k -> k.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static String address(String name) {
    return known(name).address();
  }

  /** Polls every 50 ms instead of every second. */
  static TxOptions options(long gasLimit) {
    return TxOptions.builder()
        .gasLimit(gasLimit)
        .broadcastCheckInterval(Duration.ofMillis(50))
        .build();
  }

  /** secret.js's fee rule at the default 0.1uscrt: ceil(limit × price). */
  static BigInteger fee(TxOptions options) {
    return BigInteger.valueOf((options.gasLimit().getAsLong() + 9) / 10);
  }

  static BigInteger uscrt(SecretNetworkClient client) {
    return new BigInteger(client.balance().getAmount());
  }

  /** An example contract's wasm ({@code contracts/<name>/<name>.wasm}). */
  static byte[] wasm(String name) throws IOException {
    return Files.readAllBytes(Path.of("..", "contracts", name, name + ".wasm"));
  }

  @Override
  public void close() {
    node.close();
  }
}
