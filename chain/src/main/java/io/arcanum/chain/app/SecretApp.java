package io.arcanum.chain.app;

import io.arcanum.chain.compute.ComputeHost;
import io.arcanum.chain.compute.ComputeModule;
import io.arcanum.chain.registration.RaAuthenticateHandler;
import io.arcanum.chain.registration.RegistrationGenesisHandler;
import io.arcanum.chain.registration.RegistrationQueryHandler;
import io.arcanum.chain.store.AuthenticatedStore;
import io.arcanum.enclave.api.Enclave;

/**
 * The application Arcanum runs: {@link ChainApp} with auth and bank (built in), compute and
 * registration, in Secret's genesis order. The node and the tests that stand in for nodes build it
 * here, so every node runs the same module set.
 */
public final class SecretApp {
  private SecretApp() {}

  /**
   * @param store the node's state; the application owns it from now on
   * @param enclave this node's enclave, holding the network's seeds
   * @param host the host the enclave's OCALLs reach (contract state, code, chain queries); the
   *     caller has connected it to {@code enclave}
   */
  public static ChainApp open(
      ChainConfig config,
      AuthenticatedStore store,
      Genesis genesis,
      Enclave enclave,
      ComputeHost host) {
    ChainApp.Builder builder = ChainApp.builder(config).store(store).genesis(genesis);
    ComputeModule compute = new ComputeModule(enclave, host, builder.bank(), builder.accounts());
    builder
        .messageHandler(compute.messageHandler())
        .queryHandler(compute.queryHandler())
        .genesisHandler(compute.genesisHandler())
        .messageHandler(new RaAuthenticateHandler(enclave, config.bech32Prefix()))
        .queryHandler(new RegistrationQueryHandler())
        .genesisHandler(new RegistrationGenesisHandler());
    return builder.build();
  }
}
