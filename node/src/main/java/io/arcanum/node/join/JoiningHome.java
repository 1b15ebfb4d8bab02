package io.arcanum.node.join;

import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.enclave.api.SimulatedPlatformInfo;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.JsonFiles;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * {@code arcanum init --genesis G --development-root DIR}: a home that will join an existing
 * network (protocol.md §4) rather than bootstrap one (§3). It gets {@code node.json}, a validator
 * key, the simulated SGX platform as a new machine under the network's development root, and the
 * network's genesis, copied byte for byte — but no seeds: its enclave receives them only after the
 * network admitted it ({@code arcanum enclave init}, {@code arcanum tx register}, {@code arcanum
 * enclave fetch-seed}).
 *
 * <p>As with {@code HomeInitializer}, genesis is written last, so the home counts as initialised
 * only when everything else is in place, and an interrupted init can be run again.
 *
 * @param home the home made
 * @param chainId the network's chain id, from its genesis
 * @param platform this node's development root and new machine id
 * @param allowListed whether genesis already names the machine in its allow list; if not, the
 *     network's enclaves refuse its registration ({@code NOT_ADMITTED}, protocol.md §4.2 enclave
 *     step 4)
 */
public record JoiningHome(
    NodeHome home, String chainId, SimulatedPlatformInfo platform, boolean allowListed) {
  public JoiningHome {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(platform, "platform");
  }

  /**
   * @param config written as {@code node.json}; its chain id must be the genesis's
   * @param genesisFile the network's genesis, checked as a node reads it and copied unchanged
   * @param developmentRoot a directory with the network's root certificate and key (another node's
   *     {@code enclave/sim-platform} will do: only the two root files are taken)
   * @throws ConfigException if the home is initialised already, the genesis is unreadable or for
   *     another chain, the directory holds no root, or genesis does not trust that root
   * @throws EnclaveException if the simulated platform cannot be created
   */
  public static JoiningHome init(
      NodeHome home, NodeConfig config, Path genesisFile, Path developmentRoot)
      throws ConfigException, EnclaveException, IOException {
    if (home.isInitialized()) {
      throw new ConfigException(
          home + " is already initialised (" + home.genesisFile() + " exists)");
    }
    Genesis genesis = GenesisFile.read(genesisFile);
    RegistrationGenesis registration = GenesisFile.registration(genesis, genesisFile);
    if (!genesis.chainId().equals(config.chainId())) {
      throw new ConfigException(
          genesisFile + " is for chain " + genesis.chainId() + ", not " + config.chainId());
    }
    String root = DevelopmentRootFiles.fingerprint(developmentRoot);
    requireTrusted(root, registration, genesisFile);
    byte[] genesisBytes = Files.readAllBytes(genesisFile);

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
    } else {
      config.write(home.nodeConfigFile());
    }
    if (!Files.exists(home.nodeKeyFile())) {
      try (NodeKey key = NodeKey.generate(new SecureRandom())) {
        key.write(home.nodeKeyFile());
      }
    }
    DevelopmentRootFiles.copy(developmentRoot, home.simulatedPlatformDir());
    SimulatedPlatformInfo platform =
        EnclaveProvider.load().openSimulatedPlatform(home.simulatedPlatformDir());
    if (!platform.rootFingerprint().equals(root)) {
      throw new IllegalStateException(
          "the simulated platform opened under root "
              + platform.rootFingerprint()
              + ", not "
              + root);
    }
    JsonFiles.write(home.genesisFile(), genesisBytes, false);
    return new JoiningHome(
        home,
        genesis.chainId(),
        platform,
        registration.machineAllowList().contains(platform.machineId()));
  }

  private static void requireTrusted(String root, RegistrationGenesis trust, Path genesisFile)
      throws ConfigException {
    if (trust.developmentRoots().isEmpty()) {
      throw new ConfigException(
          genesisFile
              + " names no development root (app_state.registration.attestation"
              + ".development_roots): the network accepts real SGX quotes only, which a simulated"
              + " platform cannot give");
    }
    if (!trust.developmentRoots().contains(root)) {
      throw new ConfigException(
          "the development root given ("
              + root
              + ") is not one "
              + genesisFile
              + " trusts ("
              + String.join(", ", trust.developmentRoots())
              + "): the network would refuse this node's evidence");
    }
  }
}
