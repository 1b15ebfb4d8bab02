package io.arcanum.chain.store;

import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Run by {@link CrashSafetyTest} in its own JVM: commits {@link CrashBlocks} one after another
 * until killed, printing {@code committed <version> <root>} after each commit returns.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    // The node's settings: synced commits, and pruning running alongside to be killed too.
    try (RocksStore store =
        RocksStore.open(Path.of(args[0]), StoreOptions.defaults().withKeepRecent(5))) {
      System.out.println("opened " + store.version());
      System.out.flush();
      while (true) {
        CrashBlocks.writes(store.version() + 1, store::put, store::delete);
        CommitId id = store.commit();
        System.out.println(
            "committed " + id.version() + " " + HexFormat.of().formatHex(id.rootHash()));
        System.out.flush();
      }
    }
  }
}
