package io.arcanum.node.consensus.raft;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.node.app.ReopenableApplication;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain as Ratis's replicated state machine: each committed log entry is a {@link
 * BlockProposal} that this node executes in its own enclave and commits; snapshots are checkpoints
 * of the application's store, packed into one file.
 *
 * <p>An entry whose height this node already has is skipped: a replay after a restart (the store is
 * durable on its own, ahead of the last snapshot), or a proposal a new leader made before it
 * applied its predecessor's last block. Every node sees the same log, so every node skips the same
 * entries. A proposal for the next height whose recorded app hash differs from this node's stops
 * execution for good ({@link Host#halted}), naming the height — never a silent divergence.
 */
final class ChainStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(ChainStateMachine.class);

  /** What the state machine tells, and asks, the driver. */
  interface Host {
    /** Commits a block the application just finalized, on Ratis's apply thread. */
    void commit(io.arcanum.chain.abci.Block block, BlockResult result);

    /** This node stops executing; {@code reason} names the height and what differed. */
    void halted(String reason, Throwable cause);

    /** The state was replaced by a snapshot from the leader; the new height is the app's. */
    void stateReplaced();

    /** A request from another node (a forwarded tx, a join, a promotion). */
    CompletableFuture<Message> request(NodeRequest request);

    /** This node learned of a (new) leader. */
    void leaderChanged(RaftPeerId leader);
  }

  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();

  /** The one client allowed to append: this node's own proposer, in this process. */
  private final ClientId proposer = ClientId.randomId();

  private final ReopenableApplication app;
  private final Host host;
  private final Path workDirectory;
  private volatile boolean halted;

  /**
   * @param workDirectory where checkpoints are made and snapshots unpacked (same file system as the
   *     application's store, so both are moves)
   */
  ChainStateMachine(ReopenableApplication app, Host host, Path workDirectory) {
    this.app = Objects.requireNonNull(app, "app");
    this.host = Objects.requireNonNull(host, "host");
    this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage)
      throws IOException {
    super.initialize(server, groupId, raftStorage);
    storage.init(raftStorage);
    getLifeCycle()
        .startAndTransition(
            () -> {
              SingleFileSnapshotInfo latest = storage.loadLatestSnapshot();
              if (latest != null) {
                // The store is durable by itself and at least as far as its last snapshot; the
                // entries after the snapshot are replayed and those already applied skipped.
                setLastAppliedTermIndex(latest.getTermIndex());
              }
            });
  }

  @Override
  public SimpleStateMachineStorage getStateMachineStorage() {
    return storage;
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    TermIndex index = TermIndex.valueOf(entry);
    if (!halted) {
      apply(entry.getStateMachineLogEntry().getLogData().toByteArray());
    }
    updateLastAppliedTermIndex(index);
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  private void apply(byte[] data) {
    BlockProposal proposal;
    try {
      proposal = BlockProposal.decode(data);
    } catch (IllegalArgumentException e) {
      halt("a log entry is not a block proposal (" + e.getMessage() + ")", e);
      return;
    }
    long height = proposal.block().height();
    AppInfo info = app.info();
    if (height <= info.lastHeight()) {
      LOG.debug("skipping block {}: already at height {}", height, info.lastHeight());
      return;
    }
    if (height != info.lastHeight() + 1) {
      halt(
          "block "
              + height
              + " arrived but this node is at height "
              + info.lastHeight()
              + "; its store is behind the Raft log (was the data directory replaced?)",
          null);
      return;
    }
    if (!Arrays.equals(proposal.lastAppHash(), info.lastAppHash())) {
      halt(
          "app hash mismatch at height "
              + info.lastHeight()
              + ": block "
              + height
              + " records "
              + HexFormat.of().withUpperCase().formatHex(proposal.lastAppHash())
              + " but this node committed "
              + HexFormat.of().withUpperCase().formatHex(info.lastAppHash())
              + "; this node's state diverged from the network's and it stops executing",
          null);
      return;
    }
    BlockResult result;
    try {
      result = app.finalizeBlock(proposal.block());
      host.commit(proposal.block(), result);
    } catch (RuntimeException | Error e) {
      halt("block " + height + " was not committed: " + e.getMessage(), e);
    }
  }

  private void halt(String reason, Throwable cause) {
    halted = true;
    host.halted(reason, cause);
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex last = getLastAppliedTermIndex();
    if (last == null || last.getIndex() < 0 || halted) {
      return RaftLog.INVALID_LOG_INDEX;
    }
    File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
    Path checkpoint = workDirectory.resolve("checkpoint-" + last.getIndex());
    ReopenableApplication.deleteTree(checkpoint);
    java.nio.file.Files.createDirectories(workDirectory);
    try {
      app.checkpoint(checkpoint);
      SnapshotArchive.pack(checkpoint, file.toPath());
    } finally {
      ReopenableApplication.deleteTree(checkpoint);
    }
    var md5 = MD5FileUtil.computeAndSaveMd5ForFile(file);
    storage.updateLatestSnapshot(
        new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5), last));
    storage.cleanupOldSnapshots(
        new SnapshotRetentionPolicy() {
          @Override
          public int getNumSnapshotsRetained() {
            return 2;
          }
        });
    LOG.info(
        "{}: state snapshot at height {} (log index {})",
        getId(),
        app.info().lastHeight(),
        last.getIndex());
    return last.getIndex();
  }

  @Override
  public void pause() {
    LifeCycle life = getLifeCycle();
    if (life.getCurrentState() == LifeCycle.State.RUNNING) {
      life.transition(LifeCycle.State.PAUSING);
      life.transition(LifeCycle.State.PAUSED);
    }
  }

  /** Called after a snapshot from the leader was installed: the store becomes the snapshot's. */
  @Override
  public void reinitialize() throws IOException {
    SingleFileSnapshotInfo snapshot = storage.loadLatestSnapshot();
    if (snapshot == null) {
      throw new IOException("no snapshot to load after installing one");
    }
    Path unpacked = workDirectory.resolve("installing-" + snapshot.getIndex());
    ReopenableApplication.deleteTree(unpacked);
    SnapshotArchive.unpack(snapshot.getFile().getPath(), unpacked);
    try {
      app.replaceState(unpacked);
    } catch (Exception e) {
      halt("the state snapshot from the leader could not be opened: " + e.getMessage(), e);
      throw new IOException("cannot open the installed snapshot", e);
    }
    setLastAppliedTermIndex(snapshot.getTermIndex());
    LOG.info(
        "{}: installed the leader's state snapshot: height {} (log index {})",
        getId(),
        app.info().lastHeight(),
        snapshot.getIndex());
    getLifeCycle().transition(LifeCycle.State.STARTING);
    getLifeCycle().transition(LifeCycle.State.RUNNING);
    host.stateReplaced();
  }

  ClientId proposer() {
    return proposer;
  }

  /**
   * Only this node's proposer, in process, appends entries: a write request arriving over the
   * network (anyone who reaches the Raft port can send one) is refused before it reaches the log.
   */
  @Override
  public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
    if (!request.getClientId().equals(proposer)) {
      throw new IOException("this network accepts blocks only from its leader's own proposer");
    }
    return super.startTransaction(request);
  }

  @Override
  public CompletableFuture<Message> query(Message request) {
    NodeRequest parsed;
    try {
      parsed = NodeRequest.decode(request.getContent().toByteArray());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return host.request(parsed);
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId leader) {
    host.leaderChanged(leader);
  }
}
