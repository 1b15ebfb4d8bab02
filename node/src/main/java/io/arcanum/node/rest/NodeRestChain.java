package io.arcanum.node.rest;

import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.ChainReader;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.blocks.BlockRecord;
import io.arcanum.chain.blocks.TxPage;
import io.arcanum.chain.blocks.TxQuery;
import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.node.consensus.ConsensusDriver;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RestChain} on the running node: txs go through the {@link ConsensusDriver} (its mempool
 * check, as CometBFT's RPC hands them to the mempool), queries to the application's ABCI {@link
 * Application#query}, simulation and committed blocks to its {@link ChainReader}, and waits to the
 * driver's {@link CommitFeed}.
 */
public final class NodeRestChain implements RestChain {
  private final NodeIdentity identity;
  private final ConsensusDriver driver;
  private final Application app;
  private final ChainReader reader;
  private final CommitFeed feed;

  public NodeRestChain(
      NodeIdentity identity,
      ConsensusDriver driver,
      Application app,
      ChainReader reader,
      CommitFeed feed) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.app = Objects.requireNonNull(app, "app");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.feed = Objects.requireNonNull(feed, "feed");
  }

  @Override
  public NodeIdentity identity() {
    return identity;
  }

  @Override
  public long latestHeight() {
    return driver.height();
  }

  @Override
  public int pendingTxs() {
    return driver.pendingTxs();
  }

  @Override
  public QueryResponse query(String path, byte[] request, long height) {
    return app.query(new QueryRequest(path, request, height, false));
  }

  @Override
  public TxResult broadcast(byte[] tx) {
    return driver.submit(tx);
  }

  @Override
  public TxResult simulate(byte[] tx) {
    return reader.simulate(tx);
  }

  @Override
  public boolean isPending(byte[] txHash) {
    return driver.isPending(txHash);
  }

  private long committedHeight() {
    return app.info().lastHeight();
  }

  @Override
  public Optional<BlockRecord> block(long height) {
    // The store holds a block a moment before the application's state moves to it; a reader that
    // saw the block must find its state, so a block is shown once the application committed it.
    return reader.blockStore().block(height).filter(b -> b.height() <= committedHeight());
  }

  @Override
  public List<TxRecord> txs(long height) {
    return reader.blockStore().txs(height);
  }

  @Override
  public Optional<TxRecord> tx(byte[] txHash) {
    return reader.blockStore().tx(txHash).filter(t -> t.height() <= committedHeight());
  }

  @Override
  public TxPage search(TxQuery query, int page, int limit, boolean descending) {
    return reader.blockStore().search(query, page, limit, descending);
  }

  @Override
  public long awaitHeightAbove(long height, Duration timeout) throws InterruptedException {
    return feed.awaitHeightAbove(height, timeout);
  }
}
