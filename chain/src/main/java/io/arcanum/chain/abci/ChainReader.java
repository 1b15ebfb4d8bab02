package io.arcanum.chain.abci;

import io.arcanum.chain.blocks.BlockStore;

/**
 * What a node's client API (the REST gateway, secretjs-api.md §3) reads from an application beyond
 * ABCI: gas simulation and the committed blocks, tx results and tx index. An optional capability:
 * consensus drives any {@link Application}, and an application that does not implement this runs
 * without a REST API.
 */
public interface ChainReader {

  /**
   * Runs {@code tx} against the latest checked state without keeping anything and without verifying
   * its signature ({@code POST /cosmos/tx/v1beta1/simulate}).
   */
  TxResult simulate(byte[] tx);

  /** The committed blocks, tx results and tx index; reads may come from any thread. */
  BlockStore blockStore();
}
