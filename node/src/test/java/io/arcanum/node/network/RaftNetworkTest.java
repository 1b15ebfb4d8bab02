package io.arcanum.node.network;

import static io.arcanum.node.network.TestNetwork.gas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.arcanum.chain.store.RocksStore;
import io.arcanum.chain.store.StoreEntry;
import io.arcanum.chain.store.StoreIterator;
import io.arcanum.client.ExecuteContract;
import io.arcanum.client.InstantiateContract;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.TxFailedException;
import io.arcanum.client.TxResponse;
import io.arcanum.client.tx.Coins;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.NodeHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three validators on loopback, each executing every block in its own enclave (issue 7's proof): a
 * seeded workload sent to random nodes gives identical app hashes at every height; a killed leader
 * is replaced and catches up after its restart, as does a killed follower; a fourth node registers,
 * receives the seed, joins as a learner by snapshot and becomes a voter; and every node's store
 * holds the same bytes — the same ciphertext, not just the same plaintext.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(600)
class RaftNetworkTest {
  static final long SEED = 20261124;
  static final String MARKER = "Raft Marker Token";

  Path dir;
  TestNetwork network;
  String token;
  String counter;
  long counterCode;

  @BeforeAll
  void startThreeValidators(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    network = TestNetwork.create(dir, 3, 1, 10);
    SecretNetworkClient a = network.client(0, "a");
    var stored = a.storeCode(wasm("token"), gas(1_000_000));
    token =
        a.instantiate(
                InstantiateContract.of(
                    stored.codeId(),
                    Map.of(
                        "name",
                        MARKER,
                        "symbol",
                        "RMT",
                        "decimals",
                        6,
                        "initial_balances",
                        List.of(Map.of("address", a.address(), "amount", "1000000000")),
                        "prng_seed",
                        Base64.getEncoder()
                            .encodeToString("raft".getBytes(StandardCharsets.UTF_8))),
                    "token"),
                gas(300_000))
            .contractAddress();
    network.awaitAllAt(network.height(0));
  }

  @AfterAll
  void stop() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  @Order(1)
  void aSeededWorkloadOnRandomNodesGivesIdenticalAppHashesAtEveryHeight() throws Exception {
    workload(new Random(SEED), 14);
    long height = network.commonHeight();
    assertThat(height).isGreaterThan(10);
    network.assertSameAppHashesUpTo(height);
  }

  @Test
  @Order(2)
  void aKilledLeaderIsReplacedAndCatchesUpAfterItsRestart() throws Exception {
    int leader = network.leader();
    long before = network.commonHeight();
    network.kill(leader);
    int next = network.leader();
    assertThat(next).isNotEqualTo(leader);
    workload(new Random(SEED + 1), 4);
    long after = network.commonHeight();
    assertThat(after).isGreaterThan(before);

    network.start(leader);
    network.awaitAllAt(after);
    network.assertSameAppHashesUpTo(network.commonHeight());
  }

  @Test
  @Order(3)
  void aKilledFollowerMissesBlocksAndCatchesUpAfterItsRestart() throws Exception {
    int leader = network.leader();
    int follower =
        network.running().stream().filter(i -> i != leader && i < 3).findFirst().orElseThrow();
    network.kill(follower);
    workload(new Random(SEED + 2), 4);
    long after = network.commonHeight();

    network.start(follower);
    network.awaitAllAt(after);
    network.assertSameAppHashesUpTo(network.commonHeight());
  }

  @Test
  @Order(4)
  void aFourthNodeRegistersJoinsBySnapshotAndThenExecutesWithTheOthers() throws Exception {
    NodeHome spare = network.home(3);
    JoinSteps.joinSpare(network, dir, spare, 3);
    network.start(3);
    TestNetwork.awaitTrue(
        "v3 to become a voter", () -> network.driver(3).role().equals("FOLLOWER"));
    // the log before the last snapshot was purged: v3 received the state, not every block
    assertThat(network.driver(3).snapshotsInstalled()).isPositive();

    workload(new Random(SEED + 3), 6, List.of(3));
    long height = network.commonHeight();
    network.awaitAllAt(height);
    long joinedAt = firstBlockOf(3);
    for (long h = joinedAt; h <= height; h++) {
      assertThat(HexFormat.of().formatHex(network.appHash(3, h)))
          .as("v3's app hash at %d", h)
          .isEqualTo(HexFormat.of().formatHex(network.appHash(0, h)));
    }
  }

  @Test
  @Order(5)
  void everyNodesStoreHoldsTheSameBytesAndNoPlaintextOfTheContracts() throws Exception {
    long height = network.commonHeight();
    network.awaitAllAt(height);
    List<Integer> up = network.running();
    network.close();
    List<List<String>> states = new ArrayList<>();
    for (int i : up) {
      List<String> entries = new ArrayList<>();
      try (RocksStore store = RocksStore.open(network.home(i).dataDir().resolve("state"));
          StoreIterator it = store.prefix(new byte[0])) {
        while (it.hasNext()) {
          StoreEntry e = it.next();
          entries.add(
              HexFormat.of().formatHex(e.key()) + "=" + HexFormat.of().formatHex(e.value()));
          assertThat(new String(e.value(), StandardCharsets.ISO_8859_1))
              .as("stored values never hold a contract's plaintext")
              .doesNotContain("RMT");
        }
      }
      states.add(entries);
    }
    assertThat(states.get(0)).hasSizeGreaterThan(20);
    for (List<String> other : states.subList(1, states.size())) {
      assertThat(other).isEqualTo(states.get(0));
    }
  }

  /** The first height whose block record node {@code i} holds (after a snapshot, not 1). */
  long firstBlockOf(int i) {
    long h = 1;
    while (network.reader(i).blockStore().block(h).isEmpty()) {
      h++;
    }
    return h;
  }

  void workload(Random random, int steps) throws Exception {
    workload(random, steps, List.of());
  }

  /**
   * Seeded steps, each sent to a random running node (and so forwarded to the leader when it is a
   * follower): bank sends, encrypted token transfers, failing transfers, code uploads and encrypted
   * counter executes. After each step every running node has its block, so the next client reads an
   * up-to-date account sequence wherever it goes.
   */
  void workload(Random random, int steps, List<Integer> preferred) throws Exception {
    List<Integer> up = network.running();
    for (int step = 0; step < steps; step++) {
      int node =
          !preferred.isEmpty() && step % 2 == 0
              ? preferred.get(step % preferred.size())
              : up.get(random.nextInt(up.size()));
      SecretNetworkClient a = network.client(node, "a");
      String b = LocalSecretAccounts.KNOWN.get(1).address();
      TxResponse response;
      switch (random.nextInt(counter == null ? 4 : 5)) {
        case 0 ->
            response = a.bankSend(b, List.of(Coins.uscrt(1 + random.nextInt(1000))), gas(100_000));
        case 1 ->
            response =
                a.execute(
                        ExecuteContract.of(
                            token,
                            Map.of(
                                "transfer",
                                Map.of(
                                    "recipient",
                                    b,
                                    "amount",
                                    String.valueOf(1 + random.nextInt(100))))),
                        gas(300_000))
                    .response();
        case 2 -> {
          TxFailedException failed =
              catchThrowableOfType(
                  TxFailedException.class,
                  () ->
                      a.execute(
                          ExecuteContract.of(
                              token,
                              Map.of("transfer", Map.of("recipient", b, "amount", "999999999999"))),
                          gas(300_000)));
          assertThat(failed).isNotNull();
          assertThat(failed.code()).isEqualTo(3);
          response = failed.response();
        }
        case 3 -> {
          var stored = a.storeCode(wasm("counter"), gas(1_000_000));
          counterCode = stored.codeId();
          if (counter == null) {
            counter =
                a.instantiate(
                        InstantiateContract.of(counterCode, Map.of("count", 1), "counter-" + step),
                        gas(300_000))
                    .contractAddress();
          }
          response = stored.response();
        }
        default ->
            response =
                a.execute(ExecuteContract.of(counter, Map.of("increment", Map.of())), gas(300_000))
                    .response();
      }
      network.awaitAllAt(response.height());
    }
  }

  static byte[] wasm(String name) throws java.io.IOException {
    return Files.readAllBytes(Path.of("..", "contracts", name, name + ".wasm"));
  }
}
