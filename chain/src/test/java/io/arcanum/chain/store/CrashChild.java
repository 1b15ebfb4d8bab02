package io.arcanum.chain.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Run by {@link CrashSafetyTest} in its own JVM: commits {@link CrashBlocks} one after another
 * until killed, appending {@code committed <version> <root>} to a report file after each commit
 * returns. The report goes to a file with one unbuffered write per line, not to stdout: bytes a
 * killed process wrote to a file are kept whatever the parent was doing, while reading the tail of
 * a pipe raced with the JDK's drain at process exit and lost lines once in CI.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws IOException {
    // The node's settings: synced commits, and pruning running alongside to be killed too.
    try (RocksStore store =
            RocksStore.open(Path.of(args[0]), StoreOptions.defaults().withKeepRecent(5));
        FileOutputStream report = new FileOutputStream(args[1], true)) {
      System.out.println("opened " + store.version());
      System.out.flush();
      while (true) {
        CrashBlocks.writes(store.version() + 1, store::put, store::delete);
        CommitId id = store.commit();
        String line = "committed " + id.version() + " " + HexFormat.of().formatHex(id.rootHash());
        report.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
