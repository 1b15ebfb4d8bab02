package io.arcanum.client;

/**
 * How a tx is handed to the node (secretjs-api.md §3 E6). secret.js's {@code Block} mode no longer
 * exists in the SDK and is sync there too.
 */
public enum BroadcastMode {
  /** {@code BROADCAST_MODE_SYNC}: the node answers after CheckTx; a refusal is thrown at once. */
  SYNC,
  /** {@code BROADCAST_MODE_ASYNC}: the node answers before CheckTx. */
  ASYNC
}
