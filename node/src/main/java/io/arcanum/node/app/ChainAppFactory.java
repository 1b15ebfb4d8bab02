package io.arcanum.node.app;

import io.arcanum.chain.abci.Application;
import io.arcanum.chain.app.ChainConfig;
import io.arcanum.chain.app.SecretApp;
import io.arcanum.chain.compute.ComputeHost;
import io.arcanum.chain.store.RocksStore;
import io.arcanum.chain.tx.GasPrice;

/**
 * The one place the node builds its application: {@link SecretApp} over a {@link RocksStore} in
 * {@link AppEnvironment#dataDirectory()}, with the compute module's enclave host connected to the
 * enclave the node opened.
 */
public final class ChainAppFactory implements ApplicationFactory {

  @Override
  public Application open(AppEnvironment environment) throws Exception {
    ChainConfig config =
        ChainConfig.defaults(environment.config().chainId())
            .withBech32Prefix(environment.config().bech32Prefix())
            .withMinGasPrice(GasPrice.parse(environment.config().minGasPrice()));
    ComputeHost host = new ComputeHost(environment.enclaveHost().sealedStorage());
    environment.enclaveHost().connect(host);
    RocksStore store = RocksStore.open(environment.dataDirectory().resolve("state"));
    return SecretApp.open(config, store, environment.genesis(), environment.enclave(), host);
  }
}
