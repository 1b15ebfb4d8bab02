package io.arcanum.node.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.api.NodeAuthentication;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.HomeLock;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed installation of protocol.md §4.3 with real enclaves and the REST part replaced by a
 * function: a spare home of a ceremony network registers with the bootstrap enclave, and {@link
 * SeedFetcher} installs what that enclave encrypted for it — or refuses, leaving the enclave
 * without seeds, for every reason a node meets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class SeedFetcherTest {
  Path dir;
  NodeHome bootstrap;
  List<NodeHome> spares = new ArrayList<>();
  int nextSpare;
  NetworkPublicKeys network;

  @BeforeAll
  void ceremony(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    bootstrap = new NodeHome(dir.resolve("v0"));
    for (int i = 0; i < 8; i++) {
      spares.add(new NodeHome(dir.resolve("spare" + i)));
    }
    NetworkGenesis.create(
        List.of(bootstrap), spares, NodeConfig.defaults("arcanum-net-1"), List.of(), Instant.now());
    network = registration(bootstrap).masterKeys();
  }

  static RegistrationGenesis registration(NodeHome home) throws ConfigException {
    return GenesisFile.registration(GenesisFile.read(home.genesisFile()), home.genesisFile());
  }

  /** A spare no other test has touched. */
  NodeHome spare() {
    return spares.get(nextSpare++);
  }

  /**
   * The spare's enclave init (§4.1), then the bootstrap enclave's side of RaAuthenticate (§4.2).
   */
  static byte[] register(HomeEnclave joining, NodeHome bootstrap) throws Exception {
    EnclaveInit.Evidence evidence;
    try (NodeKey owner = NodeKey.read(joining.home().nodeKeyFile())) {
      evidence = EnclaveInit.evidence(joining.enclave(), owner);
    }
    try (HomeEnclave network = HomeEnclave.open(bootstrap)) {
      NodeAuthentication admitted =
          network
              .enclave()
              .authenticateNewNode(evidence.evidence(), "", Instant.now().getEpochSecond());
      assertThat(admitted.registrationPublicKey()).isEqualTo(evidence.registrationKey());
      return admitted.encryptedSeed();
    }
  }

  @Test
  void theSeedStoredForThisEnclaveInstallsTheNetworksKeys() throws Exception {
    NodeHome home = spare();
    try (HomeEnclave joining = HomeEnclave.open(home)) {
      byte[] seed = register(joining, bootstrap);
      byte[] registrationKey = joining.enclave().registrationPublicKey();
      AtomicInteger asked = new AtomicInteger();
      SeedFetcher.InstalledSeeds installed =
          SeedFetcher.fetch(
              joining.enclave(),
              network,
              key -> {
                asked.incrementAndGet();
                assertThat(key).isEqualTo(registrationKey);
                return Optional.of(seed);
              });
      assertThat(installed.keys()).isEqualTo(network);
      assertThat(installed.seeds()).isEqualTo(2);
      assertThat(installed.alreadyInstalled()).isFalse();
      assertThat(installed.nodeId()).isEqualTo("0x" + HexFormat.of().formatHex(registrationKey));
      assertThat(joining.enclave().networkPublicKeys()).isEqualTo(network);

      // again: a member's enclave is not asked for anything, nor is the source
      SeedFetcher.InstalledSeeds again =
          SeedFetcher.fetch(joining.enclave(), network, key -> Optional.of(new byte[96]));
      assertThat(again.alreadyInstalled()).isTrue();
      assertThat(again.keys()).isEqualTo(network);
      assertThat(asked).hasValue(1);
    }
    // sealed: the node opens the home with the network's keys
    try (HomeEnclave reopened = HomeEnclave.open(home)) {
      assertThat(reopened.enclave().networkPublicKeys()).isEqualTo(network);
      assertThat(JoinStatus.of(reopened.enclave().status())).isEqualTo(JoinStatus.MEMBER);
    }
  }

  @Test
  void theHomeFormReadsGenesissKeysAndHoldsTheHomeLock() throws Exception {
    NodeHome home = spare();
    byte[] seed;
    try (HomeEnclave joining = HomeEnclave.open(home)) {
      seed = register(joining, bootstrap);
    }
    try (HomeLock running = HomeLock.acquire(home)) {
      assertThatThrownBy(() -> SeedFetcher.fetch(home, key -> Optional.of(seed)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("another arcanum node or command is using");
    }
    assertThat(SeedFetcher.fetch(home, key -> Optional.of(seed)).keys()).isEqualTo(network);
  }

  @Test
  void noRegistrationOnChainIsNotRegisteredAndChangesNothing() throws Exception {
    try (HomeEnclave joining = HomeEnclave.open(spare())) {
      register(joining, bootstrap);
      byte[] key = joining.enclave().registrationPublicKey();
      assertThatThrownBy(() -> SeedFetcher.fetch(joining.enclave(), network, k -> Optional.empty()))
          .isInstanceOfSatisfying(
              JoinException.class,
              e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.NOT_REGISTERED))
          .hasMessageContaining("holds no registration for node 0x" + HexFormat.of().formatHex(key))
          .hasMessageContaining("not committed yet");
      assertThat(JoinStatus.of(joining.enclave().status())).isEqualTo(JoinStatus.AWAITING_SEED);
    }
  }

  @Test
  void aSeedThatDoesNotOpenIsRefusedAndChangesNothing() throws Exception {
    try (HomeEnclave joining = HomeEnclave.open(spare())) {
      byte[] seed = register(joining, bootstrap);
      Random random = new Random(7);
      List<byte[]> bad = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        byte[] flipped = seed.clone();
        int bit = random.nextInt(flipped.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        bad.add(flipped);
      }
      bad.add(new byte[32]); // the dummy seed a gas simulation stores (§4.2 step 5)
      bad.add(java.util.Arrays.copyOf(seed, 48)); // the genesis seed alone: not the network's key
      for (byte[] candidate : bad) {
        assertThatThrownBy(
                () -> SeedFetcher.fetch(joining.enclave(), network, k -> Optional.of(candidate)))
            .isInstanceOfSatisfying(
                JoinException.class,
                e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.SEED_REFUSED))
            .hasMessageContaining("does not open");
        assertThat(joining.enclave().status().seeds()).isZero();
      }
      // the good one still installs afterwards
      assertThat(SeedFetcher.fetch(joining.enclave(), network, k -> Optional.of(seed)).keys())
          .isEqualTo(network);
    }
  }

  @Test
  void aSeedEncryptedForAnEarlierRegistrationKeyIsRefused() throws Exception {
    try (HomeEnclave joining = HomeEnclave.open(spare())) {
      byte[] old = register(joining, bootstrap);
      register(joining, bootstrap); // enclave init again: a new key replaces the old
      assertThatThrownBy(() -> SeedFetcher.fetch(joining.enclave(), network, k -> Optional.of(old)))
          .isInstanceOfSatisfying(
              JoinException.class,
              e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.SEED_REFUSED));
    }
  }

  @Test
  void anotherNetworksSeedIsRefusedAgainstGenesissKey() throws Exception {
    NodeHome otherBootstrap = new NodeHome(dir.resolve("other-v0"));
    NodeHome otherSpare = new NodeHome(dir.resolve("other-spare"));
    NetworkGenesis.create(
        List.of(otherBootstrap),
        List.of(otherSpare),
        NodeConfig.defaults("arcanum-net-1"),
        List.of(),
        Instant.now());
    try (HomeEnclave joining = HomeEnclave.open(otherSpare)) {
      byte[] seed = register(joining, otherBootstrap); // genuine, but from the other network
      assertThatThrownBy(
              () -> SeedFetcher.fetch(joining.enclave(), network, k -> Optional.of(seed)))
          .isInstanceOfSatisfying(
              JoinException.class,
              e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.SEED_REFUSED));
      assertThat(joining.enclave().status().seeds()).isZero();
    }
    // and a member of the other network is not taken for one of this network
    try (HomeEnclave member = HomeEnclave.open(otherBootstrap)) {
      assertThatThrownBy(() -> SeedFetcher.fetch(member.enclave(), network, k -> Optional.empty()))
          .isInstanceOfSatisfying(
              JoinException.class,
              e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.NETWORK_MISMATCH))
          .hasMessageContaining("another network");
    }
  }

  @Test
  void anEnclaveWithoutRegistrationKeyIsToldToInitFirst() throws Exception {
    try (HomeEnclave joining = HomeEnclave.open(spare())) {
      assertThatThrownBy(
              () -> SeedFetcher.fetch(joining.enclave(), network, k -> Optional.of(new byte[96])))
          .isInstanceOfSatisfying(
              JoinException.class,
              e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.NO_REGISTRATION_KEY))
          .hasMessageContaining("arcanum enclave init");
    }
  }

  @Test
  void theSourcesFailureReachesTheCallerUnchanged() throws Exception {
    try (HomeEnclave joining = HomeEnclave.open(spare())) {
      register(joining, bootstrap);
      JoinException unreachable =
          new JoinException(JoinException.Problem.NODE_UNREACHABLE, "no node there");
      assertThatThrownBy(
              () ->
                  SeedFetcher.fetch(
                      joining.enclave(),
                      network,
                      k -> {
                        throw unreachable;
                      }))
          .isSameAs(unreachable);
      assertThat(joining.enclave().status().seeds()).isZero();
    }
  }

  @Test
  void enclaveInitOnAMemberIsRefused() throws Exception {
    try (HomeEnclave member = HomeEnclave.open(bootstrap);
        NodeKey owner = NodeKey.read(bootstrap.nodeKeyFile())) {
      io.arcanum.enclave.api.EnclaveStatus before = member.enclave().status();
      assertThatThrownBy(() -> EnclaveInit.evidence(member.enclave(), owner))
          .isInstanceOfSatisfying(
              JoinException.class,
              e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.ALREADY_MEMBER));
      assertThat(member.enclave().status()).isEqualTo(before);
    }
  }
}
