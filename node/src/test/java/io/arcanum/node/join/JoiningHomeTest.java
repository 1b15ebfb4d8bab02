package io.arcanum.node.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.enclave.api.SimulatedPlatformInfo;
import io.arcanum.node.cli.CliRun;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arcanum init --genesis G --development-root DIR}: a home that joins a network — a new
 * machine under the network's root, the network's genesis unchanged, no seeds — and the clear
 * refusals that write nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class JoiningHomeTest {
  Path dir;
  NodeHome network;
  SimulatedPlatformInfo networkPlatform;
  int homes;

  @BeforeAll
  void bootstrap(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    network = new NodeHome(dir.resolve("network"));
    HomeInitializer.init(
        network,
        NodeConfig.defaults("arcanum-net-1"),
        LocalSecretAccounts.accounts(),
        Instant.parse("2026-11-24T06:00:00Z"));
    networkPlatform = EnclaveProvider.load().openSimulatedPlatform(network.simulatedPlatformDir());
  }

  NodeHome fresh() {
    return new NodeHome(dir.resolve("join" + homes++));
  }

  JoiningHome join(NodeHome home, Path root) throws Exception {
    return JoiningHome.init(
        home, NodeConfig.defaults("arcanum-net-1"), network.genesisFile(), root);
  }

  @Test
  void aJoiningHomeIsANewMachineUnderTheNetworksRootWithItsGenesisAndNoSeeds() throws Exception {
    NodeHome home = fresh();
    JoiningHome joined = join(home, network.simulatedPlatformDir());

    assertThat(home.isInitialized()).isTrue();
    assertThat(joined.chainId()).isEqualTo("arcanum-net-1");
    assertThat(Files.readAllBytes(home.genesisFile()))
        .isEqualTo(Files.readAllBytes(network.genesisFile()));
    assertThat(NodeConfig.read(home.nodeConfigFile()).chainId()).isEqualTo("arcanum-net-1");
    try (NodeKey key = NodeKey.read(home.nodeKeyFile());
        NodeKey other = NodeKey.read(network.nodeKeyFile())) {
      assertThat(key.address()).isNotEqualTo(other.address());
    }
    assertThat(joined.platform().rootFingerprint()).isEqualTo(networkPlatform.rootFingerprint());
    assertThat(joined.platform().machineId()).isNotEqualTo(networkPlatform.machineId());
    assertThat(
            EnclaveProvider.load().openSimulatedPlatform(home.simulatedPlatformDir()).machineId())
        .isEqualTo(joined.platform().machineId());
    assertThat(joined.allowListed()).isFalse(); // genesis names only the bootstrap machine
    try (HomeEnclave opened = HomeEnclave.open(home)) {
      assertThat(JoinStatus.of(opened.enclave().status())).isEqualTo(JoinStatus.NO_KEYS);
    }
  }

  @Test
  void aSecondInitIsRefused() throws Exception {
    NodeHome home = fresh();
    join(home, network.simulatedPlatformDir());
    byte[] genesis = Files.readAllBytes(home.genesisFile());
    assertThatThrownBy(() -> join(home, network.simulatedPlatformDir()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is already initialised");
    assertThat(Files.readAllBytes(home.genesisFile())).isEqualTo(genesis);
  }

  @Test
  void anUnreadableGenesisIsRefusedAndNothingIsWritten() throws Exception {
    NodeHome home = fresh();
    Path missing = dir.resolve("no-such-genesis.json");
    assertThatThrownBy(
            () ->
                JoiningHome.init(
                    home,
                    NodeConfig.defaults("arcanum-net-1"),
                    missing,
                    network.simulatedPlatformDir()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing + " is missing");
    Path garbage = dir.resolve("garbage.json");
    Files.writeString(garbage, "{\"chain_id\": ");
    assertThatThrownBy(
            () ->
                JoiningHome.init(
                    home,
                    NodeConfig.defaults("arcanum-net-1"),
                    garbage,
                    network.simulatedPlatformDir()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(garbage.toString());
    assertThat(Files.exists(home.root())).isFalse();
  }

  @Test
  void aFolderWithoutTheRootFilesIsRefusedNamingTheMissingFile() throws Exception {
    NodeHome home = fresh();
    Path empty = Files.createDirectories(dir.resolve("empty-root"));
    assertThatThrownBy(() -> join(home, empty))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("holds no development root")
        .hasMessageContaining(DevelopmentRootFiles.CERTIFICATE_FILE + " is missing");
    Path certOnly = Files.createDirectories(dir.resolve("cert-only"));
    Files.copy(
        network.simulatedPlatformDir().resolve(DevelopmentRootFiles.CERTIFICATE_FILE),
        certOnly.resolve(DevelopmentRootFiles.CERTIFICATE_FILE));
    assertThatThrownBy(() -> join(home, certOnly))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(DevelopmentRootFiles.KEY_FILE + " is missing");
    assertThat(Files.exists(home.root())).isFalse();
  }

  @Test
  void aRootTheGenesisDoesNotTrustIsRefused() throws Exception {
    NodeHome elsewhere = new NodeHome(dir.resolve("other-network"));
    HomeInitializer.init(
        elsewhere, NodeConfig.defaults("arcanum-net-1"), java.util.List.of(), Instant.now());
    NodeHome home = fresh();
    assertThatThrownBy(() -> join(home, elsewhere.simulatedPlatformDir()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not one")
        .hasMessageContaining("would refuse this node's evidence");
    assertThat(Files.exists(home.root())).isFalse();
  }

  @Test
  void aConfigForAnotherChainIsRefused() throws Exception {
    NodeHome home = fresh();
    assertThatThrownBy(
            () ->
                JoiningHome.init(
                    home,
                    NodeConfig.defaults("secretdev-1"),
                    network.genesisFile(),
                    network.simulatedPlatformDir()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is for chain arcanum-net-1, not secretdev-1");
  }

  @Test
  void theCommandPrintsTheMachineIdAndTheNextSteps() throws Exception {
    NodeHome home = fresh();
    CliRun run =
        CliRun.piped(
            dir,
            "",
            "init",
            "--home",
            home.root().toString(),
            "--genesis",
            network.genesisFile().toString(),
            "--development-root",
            network.simulatedPlatformDir().toString());
    assertThat(run.exitCode).as(run.toString()).isZero();
    String machine =
        EnclaveProvider.load().openSimulatedPlatform(home.simulatedPlatformDir()).machineId();
    assertThat(run.out)
        .contains("to join chain arcanum-net-1")
        .contains("machine id: " + machine + " (NOT on the genesis's machine allow list")
        .contains("arcanum enclave init --home " + home)
        .contains("arcanum tx register --home " + home)
        .contains("arcanum enclave fetch-seed --home " + home);
  }

  @Test
  void theCommandRefusesMistakesWithExitCodes() throws Exception {
    String genesis = network.genesisFile().toString();
    String root = network.simulatedPlatformDir().toString();
    String home = dir.resolve("cli-refused").toString();
    assertRefused(2, "--genesis needs --development-root", "--home", home, "--genesis", genesis);
    assertRefused(2, "goes with --genesis", "--home", home, "--development-root", root);
    assertRefused(
        2,
        "--localsecret-accounts cannot go with --genesis",
        "--home",
        home,
        "--genesis",
        genesis,
        "--development-root",
        root,
        "--localsecret-accounts");
    assertRefused(
        2,
        "--chain-id other-1 differs from the genesis's arcanum-net-1",
        "--home",
        home,
        "--genesis",
        genesis,
        "--development-root",
        root,
        "--chain-id",
        "other-1");
    assertRefused(
        1,
        "is missing",
        "--home",
        home,
        "--genesis",
        dir.resolve("none.json").toString(),
        "--development-root",
        root);
    assertRefused(
        1,
        "holds no development root",
        "--home",
        home,
        "--genesis",
        genesis,
        "--development-root",
        dir.toString());
    assertThat(Files.exists(Path.of(home))).isFalse();
  }

  void assertRefused(int code, String message, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "init";
    System.arraycopy(args, 0, all, 1, args.length);
    CliRun run = CliRun.piped(dir, "", all);
    assertThat(run.exitCode).as(run.toString()).isEqualTo(code);
    assertThat(run.err).as(run.toString()).contains("arcanum init: ").contains(message);
  }
}
