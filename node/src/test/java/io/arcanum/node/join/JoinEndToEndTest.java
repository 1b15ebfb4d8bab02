package io.arcanum.node.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.enclave.attestation.sim.SimulatedPlatform;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.cli.CliRun;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole join (protocol.md §4) against a real solo node on loopback, through the command line
 * exactly as an operator types it: a spare home of a ceremony network runs {@code enclave init},
 * registers with {@code tx register} through the node's REST API, installs its seed with {@code
 * enclave fetch-seed} and then holds the network's keys. Evidence with a flipped bit, from another
 * development root, for another enclave build, and from a machine the network does not allow-list
 * is refused by the chain with a clear message; nothing is stored for it and {@code fetch-seed}
 * says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class JoinEndToEndTest {
  static final String CHAIN = "arcanum-join-1";

  Path dir;
  Path user;
  NodeHome validator;
  NodeHome spare;
  NodeRunner node;
  String url;
  RegistrationGenesis network;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    user = dir.resolve("user");
    validator = new NodeHome(dir.resolve("v0"));
    spare = new NodeHome(dir.resolve("spare"));
    NetworkGenesis.create(
        List.of(validator),
        List.of(spare),
        NodeConfig.defaults(CHAIN).withBlockIntervals(Duration.ofMillis(50), Duration.ofMillis(10)),
        LocalSecretAccounts.accounts(),
        Instant.now());
    network = GenesisFile.registration(GenesisFile.read(spare.genesisFile()), spare.genesisFile());
    node = NodeRunner.startOnLoopback(validator);
    url = node.restUrl();
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** {@code arcanum args…}, with {@code --node URL} for the commands that talk to a node. */
  CliRun cli(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    boolean talks =
        args[0].equals("tx")
            || args[0].equals("query")
            || (args.length > 1 && args[1].equals("fetch-seed"));
    if (talks && !all.contains("--node")) {
      all.add("--node");
      all.add(url);
    }
    return CliRun.piped(user, stdin, all.toArray(String[]::new));
  }

  CliRun run(int exitCode, String... args) {
    CliRun run = cli("", args);
    assertThat(run.exitCode).as(run.toString()).isEqualTo(exitCode);
    return run;
  }

  void recover(NodeHome home, int account) {
    CliRun run =
        cli(
            LocalSecretAccounts.KNOWN.get(account).mnemonic() + "\n",
            "keys",
            "recover",
            LocalSecretAccounts.KNOWN.get(account).name(),
            "--home",
            home.root().toString());
    assertThat(run.exitCode).as(run.toString()).isZero();
  }

  @Test
  void aSpareRegistersThroughTheNodeAndInstallsTheNetworksSeed() throws Exception {
    String home = spare.root().toString();
    recover(spare, 0);
    JsonNode init = run(0, "enclave", "init", "--home", home, "-o", "json").json();
    byte[] registrationKey = Base64.getDecoder().decode(init.get("registration_key").asText());
    String nodeId = "0x" + HexFormat.of().formatHex(registrationKey);
    assertThat(init.get("node_id").asText()).isEqualTo(nodeId);
    assertThat(init.get("machine_id").asText()).isIn(network.machineAllowList());
    assertThat(init.get("evidence_file").asText())
        .isEqualTo(spare.attestationEvidenceFile().toString());
    assertThat(init.get("replaced_key").asBoolean()).isFalse();
    byte[] evidence = Files.readAllBytes(spare.attestationEvidenceFile());

    // refused evidence, each for this enclave's key: nothing stored, nothing to fetch
    byte[] reportData = new byte[64];
    System.arraycopy(registrationKey, 0, reportData, 0, 32);
    try (NodeKey owner = NodeKey.read(spare.nodeKeyFile())) {
      System.arraycopy(owner.publicKey().bytes(), 0, reportData, 32, 32);
    }
    byte[] measurement = EnclaveProvider.load().measurement();
    long now = Instant.now().getEpochSecond();
    byte[] forged =
        SimulatedPlatform.openOrCreate(dir.resolve("forger"), new SecureRandom())
            .evidence(measurement, reportData, now);
    registerRefused(forged, "ATTESTATION_REJECTED: UNTRUSTED_CHAIN");
    byte[] otherBuild =
        SimulatedPlatform.openOrCreate(spare.simulatedPlatformDir(), new SecureRandom())
            .evidence(sha256("another enclave build"), reportData, now);
    registerRefused(otherBuild, "ATTESTATION_REJECTED: MEASUREMENT");
    Random random = new Random(20261124);
    for (int i = 0; i < 3; i++) {
      byte[] flipped = evidence.clone();
      int bit = random.nextInt(flipped.length * 8);
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      registerRefused(flipped, "ATTESTATION_REJECTED");
    }
    assertNotRegistered(spare, nodeId);

    // the honest registration: chain id from the home's genesis, seed stored for this key
    JsonNode registered =
        run(0, "tx", "register", "--home", home, "--from", "a", "-o", "json").json();
    assertThat(registered.get("code").asInt()).isZero();
    assertThat(registered.get("node_id").asText()).isEqualTo(nodeId);
    String seedHex = registered.get("encrypted_seed").asText();
    assertThat(seedHex).matches("[0-9a-f]{192}"); // two seeds, 48 bytes each
    JsonNode stored =
        run(0, "query", "registration", "encrypted-seed", nodeId, "-o", "json").json();
    assertThat(Base64.getDecoder().decode(stored.get("encrypted_seed").asText()))
        .isEqualTo(HexFormat.of().parseHex(seedHex));
    CliRun replay = run(1, "tx", "register", "--home", home, "--from", "a");
    assertThat(replay.err).contains("is already registered");

    JsonNode fetched = run(0, "enclave", "fetch-seed", "--home", home, "-o", "json").json();
    Base64.Encoder b64 = Base64.getEncoder();
    assertThat(fetched.get("node_id").asText()).isEqualTo(nodeId);
    assertThat(fetched.get("seeds").asInt()).isEqualTo(2);
    assertThat(fetched.get("node_exch_master_key").asText())
        .isEqualTo(b64.encodeToString(network.masterKeys().seedExchangeKey()));
    assertThat(fetched.get("io_master_key").asText())
        .isEqualTo(b64.encodeToString(network.masterKeys().ioExchangeKey()));
    assertThat(fetched.get("already_installed").asBoolean()).isFalse();
    try (HomeEnclave joined = HomeEnclave.open(spare)) {
      assertThat(joined.enclave().networkPublicKeys()).isEqualTo(network.masterKeys());
    }
    assertThat(
            run(0, "enclave", "fetch-seed", "--home", home, "-o", "json")
                .json()
                .get("already_installed")
                .asBoolean())
        .isTrue();
    assertThat(run(1, "enclave", "init", "--home", home).err)
        .contains("already holds the network's seeds");
  }

  @Test
  void aMachineOffTheAllowListIsRefusedAndItsHomeWaitsForASeed() throws Exception {
    NodeHome joining = new NodeHome(dir.resolve("joining"));
    String home = joining.root().toString();
    CliRun made =
        run(
            0,
            "init",
            "--home",
            home,
            "--genesis",
            validator.genesisFile().toString(),
            "--development-root",
            validator.simulatedPlatformDir().toString());
    assertThat(made.out).contains("NOT on the genesis's machine allow list");
    assertThat(run(1, "enclave", "fetch-seed", "--home", home).err)
        .contains("no registration key")
        .contains("arcanum enclave init");
    recover(joining, 1);
    assertThat(run(2, "tx", "register", "--home", home, "--from", "b").err)
        .contains("attestation_combined.bin does not exist")
        .contains("arcanum enclave init --home " + home);

    JsonNode init = run(0, "enclave", "init", "--home", home, "-o", "json").json();
    String nodeId = init.get("node_id").asText();
    assertThat(init.get("machine_id").asText()).isNotIn(network.machineAllowList());
    assertThatThrownBy(() -> NodeRunner.startOnLoopback(joining))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("this node has not received the consensus seed yet")
        .hasMessageContaining("arcanum tx register --home " + home)
        .hasMessageContaining("arcanum enclave fetch-seed --home " + home);

    CliRun refused = run(1, "tx", "register", "--home", home, "--from", "b", "-o", "json");
    assertThat(refused.err)
        .contains("failed with code 2 (register)")
        .contains("ATTESTATION_REJECTED: NOT_ADMITTED");
    assertThat(refused.json().get("code").asInt()).isEqualTo(2);
    assertThat(refused.json().has("encrypted_seed")).isFalse();
    assertNotRegistered(joining, nodeId);

    // the node's address is the operator's business: nobody there, exit 3
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliRun unreachable =
        run(3, "enclave", "fetch-seed", "--home", home, "--node", "http://127.0.0.1:" + closedPort);
    assertThat(unreachable.err).contains("cannot read the encrypted seed of node " + nodeId);

    // enclave init again replaces the key, and says so
    JsonNode again = run(0, "enclave", "init", "--home", home, "-o", "json").json();
    assertThat(again.get("replaced_key").asBoolean()).isTrue();
    assertThat(again.get("node_id").asText()).isNotEqualTo(nodeId);
  }

  @Test
  void enclaveCommandsNeedAHomeThatIsInitialisedAndFree() {
    assertThat(run(1, "enclave", "init", "--home", dir.resolve("nothing").toString()).err)
        .contains("is not initialised");
    assertThat(run(1, "enclave", "init", "--home", validator.root().toString()).err)
        .contains("another arcanum node or command is using " + validator);
    assertThat(run(2, "enclave").err).contains("name an enclave command");
  }

  /**
   * {@code tx register --evidence FILE} with {@code evidence} fails in its block with the
   * registration module's code, naming the enclave's reason {@code why}.
   */
  void registerRefused(byte[] evidence, String why) throws Exception {
    Path file = Files.createTempFile(dir, "evidence", ".bin");
    Files.write(file, evidence);
    CliRun run =
        cli(
            "",
            "tx",
            "register",
            "--home",
            spare.root().toString(),
            "--from",
            "a",
            "--evidence",
            file.toString());
    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.err)
        .as(run.toString())
        .contains("Error: tx ")
        .contains("failed with code 2 (register)")
        .contains(why)
        .contains("Failed to authenticate node");
    assertThat(run.out).doesNotContain("encrypted_seed");
  }

  /** The chain holds no seed for {@code nodeId}, and fetch-seed says so and installs nothing. */
  void assertNotRegistered(NodeHome home, String nodeId) throws Exception {
    assertThat(run(1, "query", "registration", "encrypted-seed", nodeId).err)
        .contains("node " + nodeId + " has not been authenticated yet");
    assertThat(run(1, "enclave", "fetch-seed", "--home", home.root().toString()).err)
        .contains("the chain holds no registration for node " + nodeId);
    try (HomeEnclave opened = HomeEnclave.open(home)) {
      assertThat(JoinStatus.of(opened.enclave().status())).isEqualTo(JoinStatus.AWAITING_SEED);
    }
  }

  static byte[] sha256(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
