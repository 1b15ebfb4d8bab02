package io.arcanum.node.join;

import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.node.enclave.NodeEnclave;
import io.arcanum.node.genesis.HomeDocuments;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import java.io.IOException;

/**
 * An initialised home's enclave opened as the node opens it (its {@code node.json} mode, genesis's
 * trust settings, the home's sealed files and platform), for the join steps that run without the
 * node: {@code arcanum enclave init} and {@code fetch-seed}.
 *
 * @param registration the genesis's registration section: the network's public keys and trust
 */
public record HomeEnclave(
    NodeHome home, NodeConfig config, RegistrationGenesis registration, Enclave enclave)
    implements AutoCloseable {

  /**
   * @throws ConfigException if the home is not initialised, its files disagree on the chain, or its
   *     sealed files cannot be opened
   * @throws EnclaveException if the enclave does not open
   */
  public static HomeEnclave open(NodeHome home) throws ConfigException, EnclaveException {
    requireInitialized(home);
    HomeDocuments documents = HomeDocuments.read(home);
    NodeConfig config = documents.config();
    RegistrationGenesis registration = documents.registration();
    try {
      Enclave enclave =
          NodeEnclave.open(
              home,
              config,
              NodeEnclave.config(home, config, registration),
              NodeEnclave.router(home));
      return new HomeEnclave(home, config, registration, enclave);
    } catch (IOException e) {
      throw new ConfigException("cannot open " + home.sealedDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * @throws ConfigException saying how to make a joining home if {@code home} has no genesis
   */
  public static void requireInitialized(NodeHome home) throws ConfigException {
    if (!home.isInitialized()) {
      throw new ConfigException(
          home
              + " is not initialised; run `arcanum init --home "
              + home
              + " --genesis <network genesis> --development-root <dir>` first");
    }
  }

  @Override
  public void close() {
    enclave.close();
  }
}
