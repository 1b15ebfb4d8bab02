package io.arcanum.client;

import java.time.Duration;

/**
 * A step of a broadcast, for progress output (e.g. a CLI printing "waiting for tx ABC… (3 s)").
 * Holds no tx content.
 *
 * @param stage what just happened
 * @param txhash the tx's hash
 * @param checks how many times the node has been asked for the tx so far
 * @param elapsed time since the broadcast
 */
public record TxProgress(Stage stage, String txhash, int checks, Duration elapsed) {
  /** The steps of {@code signAndBroadcast}. */
  public enum Stage {
    /** The node accepted the tx into its mempool (CheckTx passed, or async). */
    BROADCAST,
    /** The tx was not in a block yet at the last check. */
    WAITING,
    /** The tx is in a block. */
    COMMITTED
  }
}
