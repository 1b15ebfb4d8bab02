package io.arcanum.chain.abci;

import java.util.List;

/**
 * What executing a block produced ({@code ResponseFinalizeBlock}): one result per tx in order, the
 * block's own events, and the app hash the block's {@link Application#commit} will make durable.
 */
public record BlockResult(
    long height, List<TxResult> txResults, List<Event> events, byte[] appHash) {
  public BlockResult {
    txResults = List.copyOf(txResults);
    events = List.copyOf(events);
    appHash = appHash.clone();
  }

  @Override
  public byte[] appHash() {
    return appHash.clone();
  }
}
