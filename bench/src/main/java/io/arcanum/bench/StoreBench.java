package io.arcanum.bench;

import io.arcanum.chain.store.CommitId;
import io.arcanum.chain.store.Proof;
import io.arcanum.chain.store.RocksStore;
import io.arcanum.chain.store.StoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authenticated store (docs/store.md) on a RocksDB holding 100 000 keys (32-byte keys, 100-byte
 * values, as a bank or contract state would): one block's commit, point reads and proofs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class StoreBench {
  static final int EXISTING_KEYS = 100_000;
  static final int BLOCK_WRITES = 1_000;

  /** A store filled with {@link #EXISTING_KEYS} keys in blocks of {@link #BLOCK_WRITES}. */
  abstract static class Filled {
    Path directory;
    RocksStore store;
    byte[][] keys = new byte[EXISTING_KEYS][];
    final SplittableRandom random = new SplittableRandom(20261124);

    void fill(boolean sync) throws IOException {
      directory = Files.createTempDirectory("arcanum-store-bench");
      store = RocksStore.open(directory, StoreOptions.defaults().withSyncCommits(sync));
      for (int i = 0; i < EXISTING_KEYS; i++) {
        keys[i] = bytes(32);
        store.put(keys[i], bytes(100));
        if ((i + 1) % BLOCK_WRITES == 0) {
          store.commit();
        }
      }
    }

    byte[] bytes(int length) {
      byte[] out = new byte[length];
      random.nextBytes(out);
      return out;
    }

    byte[] existingKey() {
      return keys[random.nextInt(EXISTING_KEYS)];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      store.close();
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(StoreBench::delete);
      }
    }
  }

  @State(Scope.Thread)
  public static class CommitState extends Filled {
    /** fsync of the write-ahead log at each commit (the default) or not. */
    @Param({"true", "false"})
    public boolean sync;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      fill(sync);
    }
  }

  @State(Scope.Thread)
  public static class ReadState extends Filled {
    long version;
    byte[] root;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      fill(false);
      version = store.version();
      root = store.rootHash();
    }
  }

  /** A block of 1 000 new random keys; the store grows by 1 000 keys per operation. */
  @Benchmark
  public CommitId commitBlockOfNewKeys(CommitState s) {
    for (int i = 0; i < BLOCK_WRITES; i++) {
      s.store.put(s.bytes(32), s.bytes(100));
    }
    return s.store.commit();
  }

  /** A block of 1 000 new values for random existing keys; the store stays at 100 000 keys. */
  @Benchmark
  public CommitId commitBlockOfOverwrites(CommitState s) {
    for (int i = 0; i < BLOCK_WRITES; i++) {
      s.store.put(s.existingKey(), s.bytes(100));
    }
    return s.store.commit();
  }

  /** A block with a single write: the fixed cost of a commit, where the fsync shows. */
  @Benchmark
  public CommitId commitOneWrite(CommitState s) {
    s.store.put(s.existingKey(), s.bytes(100));
    return s.store.commit();
  }

  /** The latest value of a key: one read of the flat index. */
  @Benchmark
  public byte[] getLatest(ReadState s) {
    return s.store.get(s.existingKey());
  }

  /** The value of a key at an explicit version: a walk down the tree. */
  @Benchmark
  public byte[] getAtVersion(ReadState s) {
    return s.store.get(s.existingKey(), s.version);
  }

  /** An inclusion proof built, serialized, parsed and verified against the root. */
  @Benchmark
  public boolean proveAndVerify(ReadState s) {
    byte[] key = s.existingKey();
    byte[] proof = s.store.prove(key, s.version).toBytes();
    return Proof.verify(proof, s.root, key, s.store.get(key));
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
