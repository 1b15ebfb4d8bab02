package io.arcanum.node.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveMode;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.node.enclave.NodeEnclave;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.genesis.LocalSecretAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init} with the real enclave found through the provider SPI: a valid home whose sealed
 * seeds reopen into the keys genesis publishes, in this JVM and in an enclave process.
 */
@Timeout(180)
class HomeInitializerTest {
  static final Instant TIME = Instant.parse("2026-11-24T05:16:53.120000001Z");
  @TempDir Path dir;

  @Test
  void initMakesAHomeWhoseSealedSeedsReopenIntoGenesissKeys() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("home"));
    Genesis written =
        HomeInitializer.init(
            home, NodeConfig.defaults("secretdev-1"), LocalSecretAccounts.accounts(), TIME);

    assertThat(home.isInitialized()).isTrue();
    Genesis genesis = GenesisFile.read(home.genesisFile());
    assertThat(genesis.toJson()).isEqualTo(written.toJson());
    assertThat(genesis.chainId()).isEqualTo("secretdev-1");
    assertThat(genesis.genesisTime()).isEqualTo(TIME);
    assertThat(Files.readString(home.genesisFile()))
        .contains("\"genesis_time\" : \"2026-11-24T05:16:53.120000001Z\"")
        .contains("\"initial_height\" : \"1\"");
    assertThat(genesis.modules()).containsExactly("auth", "bank", "compute", "registration");
    assertThat(genesis.section("auth").get("accounts")).hasSize(5);

    RegistrationGenesis trust = GenesisFile.registration(genesis, home.genesisFile());
    EnclaveProvider provider = EnclaveProvider.load();
    assertThat(trust.allowedMeasurements())
        .containsExactly(HexFormat.of().formatHex(provider.measurement()));
    assertThat(trust.developmentRoots())
        .containsExactly(
            provider.openSimulatedPlatform(home.simulatedPlatformDir()).rootFingerprint());
    assertThat(trust.machineAllowList()).hasSize(1);

    try (NodeKey key = NodeKey.read(home.nodeKeyFile())) {
      assertThat(key.address()).hasSize(40);
    }
    assertThat(NodeConfig.read(home.nodeConfigFile()))
        .isEqualTo(NodeConfig.defaults("secretdev-1"));
    assertThat(home.platformSecretFile()).isRegularFile();
    assertThat(mode(home.platformSecretFile())).isEqualTo("rw-------");
    assertThat(mode(home.nodeKeyFile())).isEqualTo("rw-------");
    assertThat(mode(home.genesisFile())).isEqualTo("rw-r--r--");
    assertThat(mode(home.nodeConfigFile())).isEqualTo("rw-r--r--");
    assertThat(Files.list(home.sealedDir())).isNotEmpty();

    NodeConfig config = NodeConfig.defaults("secretdev-1");
    for (EnclaveMode mode : EnclaveMode.values()) {
      try (Enclave enclave =
          NodeEnclave.open(
              home,
              config.withEnclaveMode(mode),
              NodeEnclave.config(home, config, trust),
              NodeEnclave.router(home))) {
        assertThat(enclave.networkPublicKeys()).as(mode.name()).isEqualTo(trust.masterKeys());
      }
    }
  }

  static String mode(Path file) throws java.io.IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(file));
  }

  @Test
  void aHomeIsInitialisedOnce() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("home"));
    HomeInitializer.init(home, NodeConfig.defaults("secretdev-1"), List.of(), TIME);
    assertThatThrownBy(
            () -> HomeInitializer.init(home, NodeConfig.defaults("secretdev-1"), List.of(), TIME))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("already initialised");
  }

  @Test
  void anInterruptedInitResumesWithItsKeysAndSeeds() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("home"));
    Genesis first = HomeInitializer.init(home, NodeConfig.defaults("secretdev-1"), List.of(), TIME);
    String key = Files.readString(home.nodeKeyFile());
    Files.delete(home.genesisFile()); // as if init had stopped before its last step
    Genesis second =
        HomeInitializer.init(home, NodeConfig.defaults("secretdev-1"), List.of(), TIME);
    assertThat(second.section("registration")).isEqualTo(first.section("registration"));
    assertThat(Files.readString(home.nodeKeyFile())).isEqualTo(key);

    Files.delete(home.genesisFile());
    assertThatThrownBy(
            () -> HomeInitializer.init(home, NodeConfig.defaults("other-1"), List.of(), TIME))
        .hasMessageContaining("is for chain secretdev-1, not other-1");
  }
}
