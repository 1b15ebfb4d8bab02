package io.arcanum.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM commits blocks in a loop and is killed with SIGKILL at random moments, in the middle
 * of commits as often as not. After every kill the store must reopen at the last version the child
 * reported (or the one after, if the kill fell between the commit and the report), with the root an
 * independent computation gives for that version, and with exactly that version's keys.
 */
class CrashSafetyTest {
  private static final int ROUNDS = 20;

  @TempDir Path dir;
  @TempDir Path reports;

  @Test
  void aKilledProcessLeavesTheLastCommittedVersionWholeAndNothingOfTheNext() throws Exception {
    Random random = new Random(20261124);
    Replay replay = new Replay();
    long recovered = 0;
    int roundsWithCommits = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<String> lines = runAndKill(30 + random.nextInt(400));
      long reported = recovered;
      String reportedRoot = null;
      for (String line : lines) {
        if (line.startsWith("committed ")) {
          String[] parts = line.split(" ");
          reported = Long.parseLong(parts[1]);
          reportedRoot = parts[2];
        }
      }
      if (reportedRoot != null) {
        roundsWithCommits++;
        assertThat(reportedRoot).isEqualTo(hex(ReferenceTree.root(replay.contentAt(reported))));
      }
      try (RocksStore store = RocksStore.open(dir)) {
        long version = store.version();
        assertThat(version).as("round %d", round).isBetween(reported, reported + 1);
        TreeMap<byte[], byte[]> expected = replay.contentAt(version);
        assertThat(hex(store.rootHash())).isEqualTo(hex(ReferenceTree.root(expected)));
        assertExactly(store, expected);
        recovered = version;
      }
    }
    assertThat(recovered).as("blocks committed over all rounds").isGreaterThan(ROUNDS);
    assertThat(roundsWithCommits).as("rounds that committed before the kill").isPositive();
  }

  /** The expected content, advanced block by block as the versions under test only grow. */
  private static final class Replay {
    private final TreeMap<byte[], byte[]> content = TestData.sortedMap();
    private long version;

    TreeMap<byte[], byte[]> contentAt(long target) {
      assertThat(target).isGreaterThanOrEqualTo(version);
      for (; version < target; version++) {
        CrashBlocks.writes(version + 1, content::put, content::remove);
      }
      return content;
    }
  }

  private static void assertExactly(RocksStore store, TreeMap<byte[], byte[]> expected) {
    List<String> actual = new ArrayList<>();
    try (StoreIterator entries = store.range(null, null)) {
      entries.forEachRemaining(e -> actual.add(hex(e.key()) + "=" + hex(e.value())));
    }
    List<String> wanted = new ArrayList<>();
    expected.forEach((k, v) -> wanted.add(hex(k) + "=" + hex(v)));
    assertThat(actual).containsExactlyElementsOf(wanted);
    for (Map.Entry<byte[], byte[]> entry : expected.entrySet()) {
      assertThat(store.get(entry.getKey(), store.version())).isEqualTo(entry.getValue());
    }
  }

  /**
   * Starts the child, kills it {@code millis} after it has opened the store, returns its output.
   */
  private List<String> runAndKill(long millis) throws IOException, InterruptedException {
    Path reportFile = Files.createTempFile(reports, "round", ".txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classpath,
                CrashChild.class.getName(),
                dir.toString(),
                reportFile.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Object opened = new Object();
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                      lines.add(line);
                      synchronized (opened) {
                        opened.notifyAll();
                      }
                    }
                  } catch (IOException closedByKill) {
                    // the pipe breaks when the child dies
                  }
                });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    synchronized (opened) {
      while (lines.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
        opened.wait(50);
      }
    }
    assertThat(lines).as("child started").isNotEmpty();
    Thread.sleep(millis);
    child.destroyForcibly(); // SIGKILL on Linux
    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    reader.join(TimeUnit.SECONDS.toMillis(20));
    return Files.readAllLines(reportFile, StandardCharsets.UTF_8);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
