package io.arcanum.node.app;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.tx.TxDecoder;
import io.arcanum.node.enclave.EnclaveFaultWatch;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Keeps a block this node could not execute as every node would from being committed. After {@link
 * #finalizeBlock} it refuses the block, by throwing {@link LocalFaultException} before the driver
 * commits, if
 *
 * <ul>
 *   <li>an ECALL failed for a local reason while it ran ({@link EnclaveFaultWatch}): the compute
 *       module reports a refused ECALL as a failed tx, so the results look deterministic but are
 *       not; or
 *   <li>a tx's result is the chain's "internal error" (code 1, codespace {@code undefined}: a
 *       runtime exception in a handler, docs/chain.md §2 item 8), which may come from this node — a
 *       registration the enclave could not process, a disk error — as well as from a bug.
 * </ul>
 *
 * The driver then stops without committing; the staged block is discarded when the store closes,
 * and a restart executes the height again. Halting is what CometBFT does when the application
 * cannot produce a block's results; committing would let this node's state silently fork from the
 * network's.
 */
public final class LocalFaultGuard implements Application {
  private final Application inner;
  private final EnclaveFaultWatch watch;

  public LocalFaultGuard(Application inner, EnclaveFaultWatch watch) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.watch = Objects.requireNonNull(watch, "watch");
  }

  @Override
  public BlockResult finalizeBlock(Block block) {
    long before = watch.faults();
    BlockResult result = inner.finalizeBlock(block);
    if (watch.faults() != before) {
      throw new LocalFaultException(
          block.height(), "the enclave failed while executing it (" + watch.lastFault() + ")");
    }
    List<TxResult> results = result.txResults();
    for (int i = 0; i < results.size(); i++) {
      TxResult tx = results.get(i);
      if (tx.isInternalError()) {
        throw new LocalFaultException(
            block.height(),
            "tx "
                + i
                + " ("
                + HexFormat.of().withUpperCase().formatHex(TxDecoder.hash(block.txs().get(i)))
                + ") ended in an internal error (the node's log names where)");
      }
    }
    return result;
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
