package io.arcanum.node.app;

import io.arcanum.chain.abci.Application;

/**
 * Builds the state machine the consensus driver runs. The node's one implementation is {@link
 * ChainAppFactory}; tests pass their own.
 */
@FunctionalInterface
public interface ApplicationFactory {

  /**
   * Opens the application on {@code environment}'s data directory, applying genesis if the store is
   * empty; {@link Application#info()} then says where to resume. Closing the application closes its
   * store (not the enclave).
   *
   * @throws Exception with a message fit for the operator (it is printed as is)
   */
  Application open(AppEnvironment environment) throws Exception;
}
