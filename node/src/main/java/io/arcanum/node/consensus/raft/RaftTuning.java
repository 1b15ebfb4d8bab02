package io.arcanum.node.consensus.raft;

import java.time.Duration;

/**
 * Ratis settings an operator rarely changes; tests shrink them so logs roll over and snapshots are
 * installed within seconds.
 *
 * @param segmentBytes the most bytes of one Raft log segment; only whole segments are purged
 * @param electionTimeoutMin a follower that hears no leader for a random time between this …
 * @param electionTimeoutMax … and this starts an election
 */
public record RaftTuning(
    long segmentBytes, Duration electionTimeoutMin, Duration electionTimeoutMax) {

  /** 32 MiB segments (Ratis's default), elections after 1–2 s of silence. */
  public static final RaftTuning DEFAULTS =
      new RaftTuning(32L << 20, Duration.ofMillis(1000), Duration.ofMillis(2000));

  public RaftTuning {
    if (segmentBytes < 64 * 1024) {
      throw new IllegalArgumentException("log segments must be at least 64 KiB");
    }
    if (electionTimeoutMin.isNegative()
        || electionTimeoutMin.isZero()
        || electionTimeoutMax.compareTo(electionTimeoutMin) <= 0) {
      throw new IllegalArgumentException("election timeouts must be 0 < min < max");
    }
  }
}
