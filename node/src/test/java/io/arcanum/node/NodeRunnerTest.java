package io.arcanum.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.node.consensus.ExecutorBlockScheduler;
import io.arcanum.node.consensus.SoloDriver;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the node checks before it makes a block, and the order it stops in. */
@Timeout(120)
class NodeRunnerTest {
  @TempDir Path dir;

  NodeHome home() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("home"));
    HomeInitializer.init(home, NodeConfig.defaults("secretdev-1"), List.of(), Instant.now());
    DevCommandTest.fastBlocks(home);
    return home;
  }

  static NodeRunner start(NodeHome home, CounterApp[] holder) throws ConfigException {
    return NodeRunner.start(
        home,
        env -> holder[0] = new CounterApp(env),
        0,
        SoloDriver::systemNanos,
        ExecutorBlockScheduler::new);
  }

  @Test
  void oneNodePerHomeAndCloseStopsEverythingInOrder() throws Exception {
    NodeHome home = home();
    CounterApp[] app = new CounterApp[1];
    NodeRunner node = start(home, app);
    assertThatThrownBy(() -> start(home, new CounterApp[1]))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("another arcanum node is running on " + home);
    assertThat(node.driver().submit(new byte[] {1, 2}).isOk()).isTrue();
    node.close();
    node.awaitStopped();
    assertThat(app[0].closed).isTrue();
    node.close(); // twice is fine
    NodeRunner again = start(home, app); // the lock was released
    assertThat(again.driver().height()).isEqualTo(app[0].info().lastHeight());
    again.close();
  }

  @Test
  void anEnclaveHoldingAnotherChainsSeedsIsRefused() throws Exception {
    NodeHome home = home();
    Genesis genesis = GenesisFile.read(home.genesisFile());
    RegistrationGenesis trust = GenesisFile.registration(genesis, home.genesisFile());
    RegistrationGenesis other =
        new RegistrationGenesis(
            new NetworkPublicKeys(new byte[32], trust.masterKeys().ioExchangeKey()),
            List.of(),
            trust.developmentRoots(),
            trust.allowedMeasurements(),
            trust.machineAllowList());
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    genesis.modules().forEach(module -> sections.put(module, genesis.section(module)));
    sections.put(RegistrationGenesis.MODULE, other.toJson());
    GenesisFile.write(
        new Genesis(genesis.genesisTime(), genesis.chainId(), sections), home.genesisFile());
    assertThatThrownBy(() -> start(home, new CounterApp[1]))
        .hasMessageContaining("holds another chain's seeds");
  }

  @Test
  void aHomeWithoutItsSealedSeedsIsRefused() throws Exception {
    NodeHome home = home();
    try (var files = Files.list(home.sealedDir())) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    assertThatThrownBy(() -> start(home, new CounterApp[1]))
        .hasMessageContaining("the enclave holds no seeds");
  }

  @Test
  void sealedSeedsFromAnotherMachineAreExplained() throws Exception {
    NodeHome home = home();
    Files.write(home.platformSecretFile(), new byte[32]); // another "CPU"
    assertThatThrownBy(() -> start(home, new CounterApp[1]))
        .hasMessageContaining("sealed by another enclave build or on another machine")
        .hasMessageContaining("arcanum dev --reset");
  }

  @Test
  void genesisAndNodeConfigMustNameTheSameChain() throws Exception {
    NodeHome home = home();
    NodeConfig.defaults("other-1").write(home.nodeConfigFile());
    assertThatThrownBy(() -> start(home, new CounterApp[1]))
        .hasMessageContaining("names chain other-1 but genesis is for secretdev-1");
  }
}
