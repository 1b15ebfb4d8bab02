package io.arcanum.node.app;

import io.arcanum.chain.abci.Application;

/**
 * The one place the node builds its application: {@code io.arcanum.chain.app.ChainApp} over a
 * {@code RocksStore} in {@link AppEnvironment#dataDirectory()}, with the auth, bank, compute and
 * registration handlers (the registration module is {@code
 * io.arcanum.chain.registration.RaAuthenticateHandler(environment.enclave(), prefix)}, {@code
 * RegistrationQueryHandler}, {@code RegistrationGenesisHandler}), genesis from {@link
 * AppEnvironment#genesis()}, and the compute module's enclave host connected through {@link
 * AppEnvironment#enclaveHost()}.
 *
 * <p>The chain application is built on another branch; until it is merged this factory refuses, and
 * {@code arcanum dev} stops with this message after setting up the home and the enclave.
 */
public final class ChainAppFactory implements ApplicationFactory {

  @Override
  public Application open(AppEnvironment environment) {
    throw new IllegalStateException(
        "this build has no chain application yet (io.arcanum.chain.app.ChainApp is integrated in"
            + " io.arcanum.node.app.ChainAppFactory); the home at "
            + environment.dataDirectory().getParent()
            + " is set up and its enclave holds the chain's seeds");
  }
}
