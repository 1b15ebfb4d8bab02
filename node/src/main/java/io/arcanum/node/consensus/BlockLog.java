package io.arcanum.node.consensus;

import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One readable line per block: height, txs (and how many failed), app hash prefix, block time. Only
 * public facts: never tx contents, logs or events, which may carry contract data. Empty blocks are
 * logged at most once per {@code quietNanos} (a heartbeat) so an idle chain does not flood the
 * terminal; the rest go to DEBUG.
 */
public final class BlockLog implements ConsensusDriver.Listener {
  private static final Logger LOG = LoggerFactory.getLogger("io.arcanum.node.blocks");

  private final LongSupplier clockNanos;
  private final long quietNanos;
  private final String node;
  private long lastLoggedNanos = Long.MIN_VALUE;

  public BlockLog(LongSupplier clockNanos, long quietNanos) {
    this(clockNanos, quietNanos, "");
  }

  /**
   * @param node a network member's id, which starts each line ({@code arcanum testnet} runs several
   *     nodes in one process); empty for a solo node
   */
  public BlockLog(LongSupplier clockNanos, long quietNanos, String node) {
    this.clockNanos = clockNanos;
    this.quietNanos = quietNanos;
    this.node = node.isEmpty() ? "" : node + " ";
  }

  @Override
  public void committed(Block block, BlockResult result) {
    String line = node + line(block, result);
    long now = clockNanos.getAsLong();
    if (!block.txs().isEmpty()
        || lastLoggedNanos == Long.MIN_VALUE
        || now - lastLoggedNanos >= quietNanos) {
      lastLoggedNanos = now;
      LOG.info(line);
    } else {
      LOG.debug(line);
    }
  }

  /** {@code height=12 txs=3 failed=1 app_hash=9F86D081 time=2026-11-24T05:16:53.123Z}. */
  static String line(Block block, BlockResult result) {
    long failed = result.txResults().stream().filter(r -> !r.isOk()).count();
    String hash = HexFormat.of().withUpperCase().formatHex(result.appHash());
    Instant time =
        Instant.ofEpochSecond(
            Math.floorDiv(block.timeNanos(), 1_000_000_000L),
            Math.floorMod(block.timeNanos(), 1_000_000_000L));
    return "height="
        + block.height()
        + " txs="
        + block.txs().size()
        + (failed > 0 ? " failed=" + failed : "")
        + " app_hash="
        + hash.substring(0, Math.min(8, hash.length()))
        + " time="
        + time;
  }
}
