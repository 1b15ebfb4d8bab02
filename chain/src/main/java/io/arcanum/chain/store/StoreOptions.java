package io.arcanum.chain.store;

/**
 * How a {@link RocksStore} commits.
 *
 * @param syncCommits fsync the write-ahead log at every commit. Without it a committed block still
 *     survives a killed process (the log is in the OS page cache) but not a power loss or kernel
 *     crash; the cost is measured in docs/performance.md
 * @param keepRecent after each commit, prune versions older than the last {@code keepRecent}; 0
 *     keeps every version
 */
public record StoreOptions(boolean syncCommits, long keepRecent) {
  public StoreOptions {
    if (keepRecent < 0) {
      throw new IllegalArgumentException("keepRecent must be >= 0");
    }
  }

  /** Synced commits, every version kept. */
  public static StoreOptions defaults() {
    return new StoreOptions(true, 0);
  }

  public StoreOptions withSyncCommits(boolean sync) {
    return new StoreOptions(sync, keepRecent);
  }

  public StoreOptions withKeepRecent(long versions) {
    return new StoreOptions(syncCommits, versions);
  }
}
