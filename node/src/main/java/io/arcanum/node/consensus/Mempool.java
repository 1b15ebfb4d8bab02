package io.arcanum.node.consensus;

import io.arcanum.chain.tx.TxDecoder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The txs waiting for a block, in arrival order, each once (by SHA-256, the tx hash). As in
 * CometBFT's mempool, a block is <em>reaped</em> from the front without removing anything; only
 * {@link #removeCommitted} removes the txs a committed block included, and {@link #recheck} drops
 * the txs the new state no longer admits. So a tx is never lost by a block that did not include it.
 *
 * <p>Not thread-safe: {@link TxPool} guards it.
 */
final class Mempool {
  private final int capacityTxs;
  private final long capacityBytes;
  private final LinkedHashMap<String, byte[]> txs = new LinkedHashMap<>();
  private long bytes;

  /**
   * @param capacityTxs the most txs waiting (CometBFT's {@code mempool.size})
   * @param capacityBytes the most bytes of txs waiting ({@code mempool.max_txs_bytes})
   */
  Mempool(int capacityTxs, long capacityBytes) {
    this.capacityTxs = capacityTxs;
    this.capacityBytes = capacityBytes;
  }

  static String hash(byte[] tx) {
    return HexFormat.of().formatHex(TxDecoder.hash(tx));
  }

  boolean contains(String hash) {
    return txs.containsKey(hash);
  }

  /** Whether a tx of {@code size} bytes would exceed the capacity. */
  boolean isFull(int size) {
    return txs.size() >= capacityTxs || bytes + size > capacityBytes;
  }

  /** Queues {@code tx} (already checked) at the back; false if it is already waiting. */
  boolean add(String hash, byte[] tx) {
    if (txs.putIfAbsent(hash, tx.clone()) != null) {
      return false;
    }
    bytes += tx.length;
    return true;
  }

  /** The longest prefix of the waiting txs within {@code limits}; nothing is removed. */
  List<byte[]> reap(BlockLimits limits) {
    List<byte[]> block = new ArrayList<>();
    long size = 0;
    for (byte[] tx : txs.values()) {
      if (block.size() == limits.maxTxs() || size + tx.length > limits.maxBytes()) {
        break;
      }
      block.add(tx.clone());
      size += tx.length;
    }
    return block;
  }

  /** Every waiting tx, oldest first, as copies. */
  List<byte[]> all() {
    return txs.values().stream().map(byte[]::clone).toList();
  }

  /** Removes the txs of a committed block (those waiting here; others are ignored). */
  void removeCommitted(List<byte[]> committed) {
    for (byte[] tx : committed) {
      byte[] removed = txs.remove(hash(tx));
      if (removed != null) {
        bytes -= removed.length;
      }
    }
  }

  /**
   * Checks every waiting tx again, in order, against the state after a commit, and drops those
   * {@code stillValid} refuses (CometBFT's recheck: a tx whose sequence a block used up, or whose
   * sender can no longer pay).
   *
   * @return how many were dropped
   */
  int recheck(Predicate<byte[]> stillValid) {
    int dropped = 0;
    for (Iterator<Map.Entry<String, byte[]>> it = txs.entrySet().iterator(); it.hasNext(); ) {
      byte[] tx = it.next().getValue();
      if (!stillValid.test(tx.clone())) {
        it.remove();
        bytes -= tx.length;
        dropped++;
      }
    }
    return dropped;
  }

  int size() {
    return txs.size();
  }

  long bytes() {
    return bytes;
  }
}
