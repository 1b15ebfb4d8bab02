package io.arcanum.node.genesis;

import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;

/**
 * An initialised home's {@code node.json} and genesis, read and checked to be for the same chain,
 * with genesis's registration section (the network's keys and attestation trust).
 */
public record HomeDocuments(NodeConfig config, Genesis genesis, RegistrationGenesis registration) {

  /**
   * @throws ConfigException if a file is unreadable or malformed, or they name different chains
   */
  public static HomeDocuments read(NodeHome home) throws ConfigException {
    NodeConfig config = NodeConfig.read(home.nodeConfigFile());
    Genesis genesis = GenesisFile.read(home.genesisFile());
    if (!genesis.chainId().equals(config.chainId())) {
      throw new ConfigException(
          home.nodeConfigFile()
              + " names chain "
              + config.chainId()
              + " but genesis is for "
              + genesis.chainId());
    }
    return new HomeDocuments(
        config, genesis, GenesisFile.registration(genesis, home.genesisFile()));
  }
}
