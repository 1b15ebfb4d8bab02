package io.arcanum.node.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.app.ChainApp;
import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.registration.NodeRegistration;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.chain.registration.RegistrationQueryHandler;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.app.AppEnvironment;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.consensus.ManualScheduler;
import io.arcanum.node.enclave.NodeEnclave;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedRequest;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline ceremony for three validators and a spare, with the real enclave: one network, its
 * keys in every validator's enclave, one genesis byte for byte in every home, which the chain
 * application and the node accept; the spare is a joining home.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class NetworkGenesisTest {
  static final Instant TIME = Instant.parse("2026-11-24T06:00:00Z");

  Path dir;
  List<NodeHome> validators;
  NodeHome spare;
  NetworkGenesis network;
  RegistrationGenesis registration;

  @BeforeAll
  void ceremony(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    validators = List.of(home("v0"), home("v1"), home("v2"));
    spare = home("spare");
    network =
        NetworkGenesis.create(
            validators,
            List.of(spare),
            NodeConfig.defaults("arcanum-net-1"),
            LocalSecretAccounts.accounts(),
            TIME);
    registration = GenesisFile.registration(network.genesis(), validators.get(0).genesisFile());
  }

  NodeHome home(String name) {
    return new NodeHome(dir.resolve(name));
  }

  @Test
  void everyHomeHoldsTheSameGenesisByteForByte() throws Exception {
    byte[] first = Files.readAllBytes(validators.get(0).genesisFile());
    for (NodeHome home : List.of(validators.get(1), validators.get(2), spare)) {
      assertThat(Files.readAllBytes(home.genesisFile())).isEqualTo(first);
    }
    Genesis read = GenesisFile.read(spare.genesisFile());
    assertThat(read.toJson()).isEqualTo(network.genesis().toJson());
    assertThat(read.chainId()).isEqualTo("arcanum-net-1");
    assertThat(read.genesisTime()).isEqualTo(TIME);
    assertThat(read.section("auth").get("accounts")).hasSize(5);
  }

  @Test
  void genesisTrustsOneRootThisBuildAndEveryMachine() throws Exception {
    EnclaveProvider provider = EnclaveProvider.load();
    String root =
        provider.openSimulatedPlatform(validators.get(0).simulatedPlatformDir()).rootFingerprint();
    assertThat(registration.developmentRoots()).containsExactly(root);
    assertThat(registration.allowedMeasurements())
        .containsExactly(HexFormat.of().formatHex(provider.measurement()));
    List<NetworkGenesis.Member> members =
        java.util.stream.Stream.concat(network.validators().stream(), network.spares().stream())
            .toList();
    assertThat(registration.machineAllowList())
        .containsExactlyElementsOf(members.stream().map(NetworkGenesis.Member::machineId).toList())
        .doesNotHaveDuplicates()
        .hasSize(4);
    for (NetworkGenesis.Member member : members) {
      assertThat(provider.openSimulatedPlatform(member.home().simulatedPlatformDir()))
          .satisfies(p -> assertThat(p.rootFingerprint()).isEqualTo(root))
          .satisfies(p -> assertThat(p.machineId()).isEqualTo(member.machineId()));
      try (NodeKey key = NodeKey.read(member.home().nodeKeyFile())) {
        assertThat(member.validatorKey()).isEqualTo(key.publicKey().bytes());
        assertThat(member.validatorAddress()).isEqualTo(key.address());
      }
    }
    assertThat(network.validators())
        .extracting(NetworkGenesis.Member::home)
        .containsExactlyElementsOf(validators);
    assertThat(network.spares()).extracting(NetworkGenesis.Member::home).containsExactly(spare);
  }

  @Test
  void everyValidatorsEnclaveHoldsTheNetworksKeys() throws Exception {
    for (NodeHome home : validators) {
      try (HomeEnclave opened = HomeEnclave.open(home)) {
        assertThat(opened.enclave().networkPublicKeys()).isEqualTo(registration.masterKeys());
        assertThat(opened.enclave().status().seeds()).isEqualTo(2);
      }
    }
    try (HomeEnclave opened = HomeEnclave.open(spare)) {
      assertThat(JoinStatus.of(opened.enclave().status())).isEqualTo(JoinStatus.NO_KEYS);
    }
  }

  @Test
  void genesisRecordsTheRegistrationsOfValidatorsOneAndTwo() throws Exception {
    assertThat(registration.registrations()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      NodeRegistration node = registration.registrations().get(i);
      assertThat(node.encryptedSeed()).hasSize(96); // two seeds, 48 bytes each (§4.2)
      try (HomeEnclave opened = HomeEnclave.open(validators.get(i + 1))) {
        assertThat(opened.enclave().registrationPublicKey())
            .isEqualTo(node.registrationPublicKey());
      }
      // report data [32..64] is the validator's own key (protocol.md §4.1)
      byte[] owner = java.util.Arrays.copyOfRange(node.certificate(), 12 + 368 + 32, 12 + 368 + 64);
      assertThat(owner).isEqualTo(network.validators().get(i + 1).validatorKey());
    }
  }

  @Test
  void aFreshChainApplicationAcceptsTheGenesisAndServesTheRegistrations() throws Exception {
    NodeHome home = validators.get(2);
    NodeConfig config = NodeConfig.read(home.nodeConfigFile());
    try (HomeEnclave opened = HomeEnclave.open(home);
        ChainApp app =
            (ChainApp)
                new ChainAppFactory()
                    .open(
                        new AppEnvironment(
                            home.dataDir(),
                            network.genesis(),
                            config,
                            opened.enclave(),
                            NodeEnclave.router(home)))) {
      assertThat(app.info().lastHeight()).isZero();
      for (NodeRegistration node : registration.registrations()) {
        QueryResponse answer =
            app.query(
                new QueryRequest(
                    RegistrationQueryHandler.ENCRYPTED_SEED,
                    QueryEncryptedSeedRequest.newBuilder()
                        .setPubKey(ByteString.copyFrom(node.registrationPublicKey()))
                        .build()
                        .toByteArray(),
                    0,
                    false));
        assertThat(answer.isOk()).as(answer.log()).isTrue();
        assertThat(
                QueryEncryptedSeedResponse.parseFrom(answer.value())
                    .getEncryptedSeed()
                    .toByteArray())
            .isEqualTo(node.encryptedSeed());
      }
    }
  }

  @Test
  void aValidatorHomeStartsAsANodeAndTheSpareIsToldToJoinFirst() throws Exception {
    AtomicLong clock = new AtomicLong(TIME.getEpochSecond() * 1_000_000_000L + 1);
    try (NodeRunner node =
        NodeRunner.start(
            validators.get(1),
            new ChainAppFactory(),
            0,
            clock::get,
            () -> new ManualScheduler(clock),
            config -> Optional.empty())) {
      assertThat(node.driver().height()).isZero();
    }
    assertThatThrownBy(() -> NodeRunner.startOnLoopback(spare))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the enclave holds no seeds")
        .hasMessageContaining("arcanum enclave init");
  }

  @Test
  void initialisedOrRepeatedHomesAreRefusedBeforeAnythingIsWritten() {
    NodeHome fresh = home("fresh");
    assertThatThrownBy(
            () ->
                NetworkGenesis.create(
                    List.of(fresh, validators.get(0)),
                    List.of(),
                    NodeConfig.defaults("arcanum-net-1"),
                    List.of(),
                    TIME))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is already initialised");
    assertThatThrownBy(
            () ->
                NetworkGenesis.create(
                    List.of(fresh),
                    List.of(home("fresh")),
                    NodeConfig.defaults("arcanum-net-1"),
                    List.of(),
                    TIME))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is given twice");
    assertThat(Files.exists(fresh.root())).isFalse();
  }
}
