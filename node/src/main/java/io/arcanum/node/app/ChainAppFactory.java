package io.arcanum.node.app;

import io.arcanum.chain.abci.Application;
import io.arcanum.chain.app.ChainConfig;
import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.app.SecretApp;
import io.arcanum.chain.compute.ComputeHost;
import io.arcanum.chain.store.RocksStore;
import io.arcanum.chain.tx.GasPrice;
import io.arcanum.node.home.JsonFiles;

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
            .withMinGasPrice(GasPrice.parse(environment.config().minGasPrice()));
    Genesis genesis =
        Genesis.parse(JsonFiles.MAPPER.writeValueAsBytes(environment.genesis().toJson()));
    ComputeHost host = new ComputeHost(environment.enclaveHost().sealedStorage());
    environment.enclaveHost().connect(host);
    RocksStore store = RocksStore.open(environment.dataDirectory().resolve("state"));
    return SecretApp.open(config, store, genesis, environment.enclave(), host);
  }
}
