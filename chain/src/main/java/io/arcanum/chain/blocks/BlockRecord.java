package io.arcanum.chain.blocks;

import io.arcanum.chain.abci.Event;
import java.util.List;
import java.util.Objects;

/**
 * A committed block as the block store keeps it.
 *
 * @param height the block's height (1 for the first)
 * @param timeNanos block time, Unix nanoseconds
 * @param chainId the chain it belongs to
 * @param proposer the proposer's address (empty for the solo node)
 * @param txHashes SHA-256 of each tx's bytes, in block order
 * @param appHash the app hash after this block (the state root of store version {@code height})
 * @param lastAppHash the app hash before it (after genesis for block 1), which CometBFT puts in
 *     this block's header
 * @param events the block's own events (none yet: no begin/end-block logic)
 */
public record BlockRecord(
    long height,
    long timeNanos,
    String chainId,
    byte[] proposer,
    List<byte[]> txHashes,
    byte[] appHash,
    byte[] lastAppHash,
    List<Event> events) {

  public BlockRecord {
    Objects.requireNonNull(chainId, "chainId");
    proposer = proposer.clone();
    txHashes = txHashes.stream().map(byte[]::clone).toList();
    appHash = appHash.clone();
    lastAppHash = lastAppHash.clone();
    events = List.copyOf(events);
  }

  @Override
  public byte[] proposer() {
    return proposer.clone();
  }

  @Override
  public List<byte[]> txHashes() {
    return txHashes.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] appHash() {
    return appHash.clone();
  }

  @Override
  public byte[] lastAppHash() {
    return lastAppHash.clone();
  }
}
