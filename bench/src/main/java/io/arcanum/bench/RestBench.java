package io.arcanum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.client.InstantiateContract;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.StoreCodeResult;
import io.arcanum.client.TxOptions;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The node's REST API under load: the real node ({@link NodeRunner} with {@link ChainAppFactory},
 * the in-process enclave, RocksDB with synced commits, an empty block every second as on
 * LocalSecret) on a fresh LocalSecret home, serving REST on a free loopback port, measured from
 * clients in the same JVM over loopback HTTP/1.1. Each benchmark thread is one client with its own
 * {@link HttpClient} (kept-alive connection), so 8 threads are 8 concurrent users.
 *
 * <ul>
 *   <li>{@code balanceByDenom}: {@code GET /cosmos/bank/v1beta1/balances/{addr}/by_denom} (E1) —
 *       request routing, the ABCI bank query on the latest state, the gateway JSON; the client
 *       reads the body as a string and checks the status.
 *   <li>{@code smartQuery}: {@link SecretNetworkClient#query} of the counter contract's {@code
 *       get_count} (E8), end to end: the client encrypts (X25519 with the node's IO key, HKDF,
 *       AES-SIV), the node's compute query runs the enclave (decrypt, the wasm contract, encrypt
 *       the answer), the client decrypts and parses the JSON.
 * </ul>
 *
 * <p>Client and server share the machine's CPUs, so the figures are what one machine does as both.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// 3 × 2 s of warm-up left the throughput still rising (JIT of the HTTP stacks, the contract and
// the crypto); 5 × 4 s reaches a plateau.
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {
      "--enable-native-access=ALL-UNNAMED",
      "-XX:-DontCompileHugeMethods",
      // The node logs every block at INFO; keep JMH's output readable.
      "-Darcanum.log.level=WARN"
    })
public class RestBench {
  static final String CHAIN_ID = "secretdev-1";
  static final String DENOM = LocalSecretAccounts.DENOM;

  /** One node for the whole trial, with the counter contract instantiated by account a. */
  @State(Scope.Benchmark)
  public static class Node {
    Path directory;
    NodeRunner node;
    String url;
    String address;
    String counter;
    String counterHash;

    @Setup(Level.Trial)
    public void start() throws Exception {
      directory = Files.createTempDirectory("arcanum-rest-bench");
      NodeHome home = new NodeHome(directory.resolve("home"));
      // LocalSecret's block interval (an empty block each second), but a tx's block 20 ms after it
      // arrives, so deploying the contract takes well under a second.
      HomeInitializer.init(
          home,
          NodeConfig.defaults(CHAIN_ID)
              .withBlockIntervals(Duration.ofSeconds(1), Duration.ofMillis(20)),
          LocalSecretAccounts.accounts(),
          Instant.now());
      node = NodeRunner.startOnLoopback(home);
      url = node.restUrl();

      LocalSecretAccounts.Known a = LocalSecretAccounts.KNOWN.get(0);
      address = a.address();
      SecretNetworkClient deployer =
          SecretNetworkClient.builder()
              .url(url)
              .chainId(CHAIN_ID)
              .wallet(Wallet.fromMnemonic(a.mnemonic()))
              .build();
      TxOptions store = options(1_000_000);
      StoreCodeResult code = deployer.storeCode(wasm("counter"), store);
      counterHash = code.codeHash().hex();
      counter =
          deployer
              .instantiate(
                  InstantiateContract.of(code.codeId(), Map.of("count", 7), "bench counter"),
                  options(300_000))
              .contractAddress();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      node.close();
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(RestBench::delete);
      }
    }
  }

  /** One user: its own HTTP connection pool and SDK client (own encryption key pair). */
  @State(Scope.Thread)
  public static class User {
    HttpClient http;
    HttpRequest balance;
    SecretNetworkClient sdk;

    @Setup(Level.Trial)
    public void open(Node node) {
      http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      balance =
          HttpRequest.newBuilder(
                  URI.create(
                      node.url
                          + "/cosmos/bank/v1beta1/balances/"
                          + node.address
                          + "/by_denom?denom="
                          + DENOM))
              .header("Accept", "application/json")
              .GET()
              .build();
      sdk = SecretNetworkClient.builder().url(node.url).chainId(CHAIN_ID).build();
      // Fetches the node's tx key once (the SDK caches it), so the measurement is only queries.
      JsonNode first = sdk.query(node.counter, node.counterHash, Map.of("get_count", Map.of()));
      if (first.path("count").asLong() != 7) {
        throw new IllegalStateException("the counter answered " + first);
      }
    }
  }

  @Benchmark
  @Threads(1)
  public String balanceByDenom(User user) throws Exception {
    return balance(user);
  }

  @Benchmark
  @Threads(8)
  public String balanceByDenom8Threads(User user) throws Exception {
    return balance(user);
  }

  @Benchmark
  @Threads(1)
  public JsonNode smartQuery(Node node, User user) {
    return count(node, user);
  }

  @Benchmark
  @Threads(8)
  public JsonNode smartQuery8Threads(Node node, User user) {
    return count(node, user);
  }

  private static String balance(User user) throws IOException, InterruptedException {
    HttpResponse<String> response =
        user.http.send(user.balance, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("balance answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  private static JsonNode count(Node node, User user) {
    return user.sdk.query(node.counter, node.counterHash, Map.of("get_count", Map.of()));
  }

  /** Polls for the tx's block every 50 ms instead of every second. */
  static TxOptions options(long gasLimit) {
    return TxOptions.builder()
        .gasLimit(gasLimit)
        .broadcastCheckInterval(Duration.ofMillis(50))
        .build();
  }

  static byte[] wasm(String name) throws IOException {
    try (InputStream in =
        RestBench.class.getResourceAsStream("/contracts/" + name + "/" + name + ".wasm")) {
      return in.readAllBytes();
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
