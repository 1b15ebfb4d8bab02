package io.arcanum.node.rest.routes;

import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.node.rest.RestChain;
import io.arcanum.node.rest.http.ApiException;
import io.arcanum.node.rest.http.GrpcStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a tx stands, waiting for its block up to a timeout: committed (with its result), still in
 * the mempool, or unknown to this node (never accepted, or dropped by a recheck). The mempool is
 * asked before the block store: a committed tx leaves the mempool only after its block is durable,
 * so a tx is never missed in between.
 *
 * @param latestHeight the last committed height when the wait ended
 * @param record the committed tx, if {@link Status#COMMITTED}
 */
public record TxWait(Status status, long latestHeight, Optional<TxRecord> record) {
  public enum Status {
    COMMITTED,
    PENDING,
    UNKNOWN
  }

  /**
   * Waits for the tx with SHA-256 {@code hash}.
   *
   * @throws ApiException 503 if the node stops while waiting
   */
  public static TxWait await(RestChain chain, byte[] hash, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long height = chain.latestHeight();
      boolean pending = chain.isPending(hash);
      Optional<TxRecord> record = chain.tx(hash);
      if (record.isPresent()) {
        return new TxWait(Status.COMMITTED, Math.max(height, record.get().height()), record);
      }
      if (!pending) {
        return new TxWait(Status.UNKNOWN, height, Optional.empty());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new TxWait(Status.PENDING, height, Optional.empty());
      }
      long reached = chain.awaitHeightAbove(height, Duration.ofNanos(left));
      if (reached <= height && deadline - System.nanoTime() > 0) {
        throw new ApiException(GrpcStatus.UNAVAILABLE, "the node is stopping");
      }
    }
  }
}
