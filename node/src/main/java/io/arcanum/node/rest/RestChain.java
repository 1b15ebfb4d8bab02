package io.arcanum.node.rest;

import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.blocks.BlockRecord;
import io.arcanum.chain.blocks.TxPage;
import io.arcanum.chain.blocks.TxQuery;
import io.arcanum.chain.blocks.TxRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the REST API asks of the node, and nothing else: the routes never reach into the
 * application or the consensus driver. The node implements it over its {@code SoloDriver} (txs in,
 * heights, the mempool, commits to follow) and the application's ABCI queries and {@link
 * io.arcanum.chain.abci.ChainReader} (simulation, blocks, tx results, tx search) in {@link
 * NodeRestChain}; tests may implement it over anything.
 */
public interface RestChain {

  /** Who answers: chain id, address prefix, node id and version. */
  NodeIdentity identity();

  /** The last committed height (0 before the first block). */
  long latestHeight();

  /** Txs waiting in the mempool. */
  int pendingTxs();

  /**
   * An ABCI query by gRPC method path at {@code height} (0 = latest); errors come back in the
   * response's code, codespace and log.
   */
  QueryResponse query(String path, byte[] request, long height);

  /**
   * Checks {@code tx} and queues it for a block if it passes (CometBFT's {@code
   * broadcast_tx_sync}).
   *
   * @throws IllegalStateException if the node is stopping
   */
  TxResult broadcast(byte[] tx);

  /** Runs {@code tx} for gas estimation without keeping anything or checking its signature. */
  TxResult simulate(byte[] tx);

  /** Whether the tx with this SHA-256 hash waits in the mempool. */
  boolean isPending(byte[] txHash);

  Optional<BlockRecord> block(long height);

  /** The txs of block {@code height} in block order (empty for an unknown height). */
  List<TxRecord> txs(long height);

  /** A committed tx by its SHA-256 hash. */
  Optional<TxRecord> tx(byte[] txHash);

  /**
   * One page of the committed txs matching {@code query}.
   *
   * @throws IllegalArgumentException for a condition the index cannot answer
   */
  TxPage search(TxQuery query, int page, int limit, boolean descending);

  /**
   * Waits until a block above {@code height} is committed, at most {@code timeout}.
   *
   * @return the last committed height then; not above {@code height} if the wait timed out or the
   *     node is stopping
   */
  long awaitHeightAbove(long height, Duration timeout) throws InterruptedException;
}
