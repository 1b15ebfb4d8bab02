package io.arcanum.node.home;

import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveConfig;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.api.SimulatedPlatformInfo;
import io.arcanum.node.enclave.NodeEnclave;
import io.arcanum.node.genesis.FundedAccount;
import io.arcanum.node.genesis.GenesisFile;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arcanum init}: makes a home whose enclave is the network's bootstrap enclave (protocol.md
 * §3). The simulated SGX platform is created through the enclave provider, the enclave creates and
 * seals the two seeds, and genesis publishes their public keys and trusts this platform's
 * development root, this build's measurement and this machine.
 *
 * <p>Genesis is written last: a home is initialised exactly when it has one. An interrupted init
 * can be run again; it keeps the node key and the sealed seeds it already made.
 */
public final class HomeInitializer {
  private static final Logger LOG = LoggerFactory.getLogger(HomeInitializer.class);

  private HomeInitializer() {}

  /**
   * @param config written as {@code config/node.json} unless one is there already
   * @param accounts funded in genesis (account numbers in this order)
   * @return the genesis written
   * @throws ConfigException if the home is already initialised or its files disagree
   * @throws EnclaveException if the enclave cannot be opened or bootstrapped
   */
  public static Genesis init(
      NodeHome home, NodeConfig config, List<FundedAccount> accounts, Instant time)
      throws ConfigException, EnclaveException, IOException {
    if (home.isInitialized()) {
      throw new ConfigException(
          home + " is already initialised (" + home.genesisFile() + " exists)");
    }
    Files.createDirectories(home.configDir());
    if (Files.exists(home.nodeConfigFile())) {
      NodeConfig existing = NodeConfig.read(home.nodeConfigFile());
      if (!existing.chainId().equals(config.chainId())) {
        throw new ConfigException(
            home.nodeConfigFile()
                + " is for chain "
                + existing.chainId()
                + ", not "
                + config.chainId());
      }
      config = existing;
    } else {
      config.write(home.nodeConfigFile());
    }
    if (!Files.exists(home.nodeKeyFile())) {
      try (NodeKey key = NodeKey.generate(new SecureRandom())) {
        key.write(home.nodeKeyFile());
        LOG.info("validator key {} written to {}", key.address(), home.nodeKeyFile());
      }
    }

    EnclaveProvider provider = EnclaveProvider.load();
    SimulatedPlatformInfo platform = provider.openSimulatedPlatform(home.simulatedPlatformDir());
    String measurement = HexFormat.of().formatHex(provider.measurement());
    EnclaveConfig enclaveConfig =
        new EnclaveConfig(
            config.bech32Prefix(),
            List.of(platform.rootFingerprint()),
            List.of(measurement),
            List.of(platform.machineId()),
            home.simulatedPlatformDir().toString());
    NetworkPublicKeys keys;
    try (Enclave enclave =
        NodeEnclave.open(home, config, enclaveConfig, NodeEnclave.router(home))) {
      keys = enclave.status().initialized() ? enclave.networkPublicKeys() : enclave.bootstrap();
    }
    RegistrationGenesis registration =
        new RegistrationGenesis(
            keys,
            List.of(),
            enclaveConfig.developmentRoots(),
            enclaveConfig.allowedMeasurements(),
            enclaveConfig.machineAllowList());

    Genesis genesis = genesis(config, accounts, time, registration);
    GenesisFile.write(genesis, home.genesisFile());
    LOG.info(
        "initialised {} for chain {}: IO key {}, development root {}, machine {}",
        home,
        config.chainId(),
        java.util.Base64.getEncoder().encodeToString(keys.ioExchangeKey()),
        platform.rootFingerprint().substring(0, 16),
        platform.machineId());
    return genesis;
  }

  /**
   * The genesis a home is initialised with: {@code accounts} funded in the {@code auth} and {@code
   * bank} sections (account numbers in this order), an empty {@code compute} section and {@code
   * registration}; also the multi-validator ceremony's ({@code join.NetworkGenesis}).
   */
  public static Genesis genesis(
      NodeConfig config,
      List<FundedAccount> accounts,
      Instant time,
      RegistrationGenesis registration) {
    Genesis.Builder builder = Genesis.builder(config.chainId(), time);
    for (FundedAccount account : accounts) {
      builder.account(account.address().toBech32(config.bech32Prefix()), account.coins());
    }
    return builder
        .section("compute", JsonFiles.MAPPER.createObjectNode())
        .section(RegistrationGenesis.MODULE, registration.toJson())
        .build();
  }
}
