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
import java.util.function.Function;

/**
 * A {@link RestChain} with no chain behind it, for the HTTP layer's own behaviour: queries answer
 * what {@link #queries} says, everything else is empty.
 */
final class FakeChain implements RestChain {
  Function<String, QueryResponse> queries =
      path -> new QueryResponse(0, "", "", new byte[0], 1, null);

  @Override
  public NodeIdentity identity() {
    return new NodeIdentity("testchain-1", "secret", new byte[20], "0.0.0");
  }

  @Override
  public long latestHeight() {
    return 1;
  }

  @Override
  public int pendingTxs() {
    return 0;
  }

  @Override
  public QueryResponse query(String path, byte[] request, long height) {
    return queries.apply(path);
  }

  @Override
  public TxResult broadcast(byte[] tx) {
    return new TxResult(0, "", "", null, 0, 0, List.of());
  }

  @Override
  public TxResult simulate(byte[] tx) {
    return broadcast(tx);
  }

  @Override
  public boolean isPending(byte[] txHash) {
    return false;
  }

  @Override
  public Optional<BlockRecord> block(long height) {
    return Optional.empty();
  }

  @Override
  public List<TxRecord> txs(long height) {
    return List.of();
  }

  @Override
  public Optional<TxRecord> tx(byte[] txHash) {
    return Optional.empty();
  }

  @Override
  public TxPage search(TxQuery query, int page, int limit, boolean descending) {
    return new TxPage(List.of(), 0);
  }

  @Override
  public long awaitHeightAbove(long height, Duration timeout) {
    return 1;
  }
}
