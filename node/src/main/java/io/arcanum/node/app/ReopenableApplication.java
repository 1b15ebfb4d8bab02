package io.arcanum.node.app;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.ChainReader;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.StateCheckpoints;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.blocks.BlockStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The node's application, guarded ({@link LocalFaultGuard}), that can be closed and opened again on
 * a state checkpoint from another node — what installing a Raft snapshot needs — while the driver,
 * the REST API and the mempool keep this one object. Every call goes to the application open now;
 * {@link #replaceState} swaps it between blocks.
 */
public final class ReopenableApplication
    implements Application, ChainReader, StateCheckpoints, AutoCloseable {

  /** Opens the guarded application and the unguarded one it wraps (which the reads use). */
  @FunctionalInterface
  public interface Opener {
    Opened open() throws Exception;
  }

  /** The application as the driver uses it, and the same application's own object. */
  public record Opened(Application guarded, Application inner) {
    public Opened {
      Objects.requireNonNull(guarded, "guarded");
      Objects.requireNonNull(inner, "inner");
    }
  }

  private final Opener opener;
  private final Path stateDirectory;
  private volatile Opened current;

  /**
   * @param stateDirectory where the application keeps its store ({@code data/state})
   */
  public ReopenableApplication(Opener opener, Path stateDirectory) throws Exception {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
    this.current = opener.open();
  }

  /** Whether the application offers the reads the REST API needs. */
  public boolean readable() {
    return current.inner() instanceof ChainReader;
  }

  /**
   * Closes the application, replaces its store with the checkpoint in {@code checkpoint} (moved,
   * not copied) and opens it again. The old store is deleted only after the new one is in place.
   *
   * @throws IOException if the files cannot be moved; the application is then closed
   */
  public synchronized void replaceState(Path checkpoint) throws Exception {
    current.guarded().close();
    Path old = stateDirectory.resolveSibling(stateDirectory.getFileName() + ".replaced");
    deleteTree(old);
    if (Files.exists(stateDirectory)) {
      Files.move(stateDirectory, old);
    }
    Files.move(checkpoint, stateDirectory);
    current = opener.open();
    deleteTree(old);
  }

  /** Deletes a directory tree if it exists. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public AppInfo info() {
    return current.guarded().info();
  }

  @Override
  public TxResult checkTx(byte[] tx) {
    return current.guarded().checkTx(tx);
  }

  @Override
  public BlockResult finalizeBlock(Block block) {
    return current.guarded().finalizeBlock(block);
  }

  @Override
  public long commit() {
    return current.guarded().commit();
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return current.guarded().query(request);
  }

  @Override
  public TxResult simulate(byte[] tx) {
    return reader().simulate(tx);
  }

  @Override
  public BlockStore blockStore() {
    return reader().blockStore();
  }

  private ChainReader reader() {
    if (current.inner() instanceof ChainReader reader) {
      return reader;
    }
    throw new UnsupportedOperationException("the application offers no chain reads");
  }

  @Override
  public void checkpoint(Path target) {
    if (current.inner() instanceof StateCheckpoints checkpoints) {
      checkpoints.checkpoint(target);
    } else {
      throw new UnsupportedOperationException("the application cannot write checkpoints");
    }
  }

  @Override
  public void close() {
    current.guarded().close();
  }
}
