package io.arcanum.node.consensus;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;

/** An application that forwards to another; tests override one call. */
public class ForwardingApp implements Application {
  protected final Application inner;

  public ForwardingApp(Application inner) {
    this.inner = inner;
  }

  @Override
  public AppInfo info() {
    return inner.info();
  }

  @Override
  public TxResult checkTx(byte[] tx) {
    return inner.checkTx(tx);
  }

  @Override
  public BlockResult finalizeBlock(Block block) {
    return inner.finalizeBlock(block);
  }

  @Override
  public long commit() {
    return inner.commit();
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return inner.query(request);
  }

  @Override
  public void close() {
    inner.close();
  }
}
