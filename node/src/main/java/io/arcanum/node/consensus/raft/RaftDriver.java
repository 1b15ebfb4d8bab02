package io.arcanum.node.consensus.raft;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.node.app.ReopenableApplication;
import io.arcanum.node.consensus.BlockScheduler;
import io.arcanum.node.consensus.BlockTiming;
import io.arcanum.node.consensus.ConsensusDriver;
import io.arcanum.node.consensus.TxPool;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consensus among validators on Apache Ratis (docs/network.md): the Raft leader orders its
 * mempool's txs into blocks (height, a time that never goes backwards, the previous app hash) and
 * appends each as one log entry; Ratis replicates it; every node — the leader too — executes the
 * committed entry in its own enclave and commits ({@link ChainStateMachine}). Txs may be sent to
 * any node: each node checks them against its own state, keeps them in its mempool and forwards
 * them to the leader, so a new leader proposes what the old one had not. Queries are answered
 * locally.
 *
 * <p>A node that is not among the members it knows joins through {@link MemberJoin}: first a
 * non-voting learner (Ratis listener) that catches up, by snapshot if the log was purged, then a
 * voter.
 */
public final class RaftDriver implements ConsensusDriver, ChainStateMachine.Host {
  private static final Logger LOG = LoggerFactory.getLogger(RaftDriver.class);

  private final ReopenableApplication app;
  private final RaftSettings settings;
  private final LongSupplier clockNanos;
  private final BlockScheduler scheduler;
  private final TxPool pool;
  private final RaftMember member;
  private final ChainStateMachine stateMachine;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final LeaderRequests requests;

  private MemberJoin join;
  private long lastHeight;
  private long lastBlockTimeNanos;
  private long lastBlockAtNanos;
  private long generation;
  private BlockScheduler.Scheduled next;
  private boolean proposing;
  private boolean started;
  private boolean closed;
  private Throwable failure;
  private int snapshotsInstalled;

  public RaftDriver(
      ReopenableApplication app,
      RaftSettings settings,
      LongSupplier clockNanos,
      BlockScheduler scheduler) {
    this.app = Objects.requireNonNull(app, "app");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.pool = new TxPool(() -> app, settings.limits());
    this.member = new RaftMember(settings);
    this.stateMachine = new ChainStateMachine(app, this, settings.raftDirectory().resolve("work"));
    this.requests = new LeaderRequests(this, settings.chainId(), settings.network(), app);
  }

  @Override
  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Starts this node's Raft server (formatting its log on first start) and, on a node that is not
   * yet a voter, the join.
   *
   * @throws IllegalStateException if the Raft server cannot start (e.g. its port is taken)
   */
  @Override
  public void start() {
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("the driver has already started");
      }
      started = true;
      AppInfo info = app.info();
      lastHeight = info.lastHeight();
      lastBlockTimeNanos = info.lastBlockTimeNanos();
      lastBlockAtNanos = clockNanos.getAsLong();
    }
    member.start(stateMachine);
    if (settings.admission().isPresent()) {
      join = new MemberJoin(this, settings.admission().get());
      join.start();
    }
    synchronized (this) {
      scheduleNext();
    }
  }

  // ---- txs in ----

  @Override
  public TxResult submit(byte[] tx) {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the node is stopping; the tx was not queued");
      }
    }
    TxResult result = pool.submit(tx, this::waiting);
    if (result.isOk() && !isLeader()) {
      forward(tx);
    }
    return result;
  }

  /** A tx from another node, on the leader. */
  TxResult submitForwarded(byte[] tx) {
    return pool.submit(tx, this::waiting);
  }

  private void waiting(int txs) {
    synchronized (this) {
      if (txs == 1 && next != null && !closed) {
        next.cancel();
        scheduleNext();
      }
    }
  }

  private void forward(byte[] tx) {
    ask(new NodeRequest(NodeRequest.Kind.SUBMIT_TX, tx))
        .whenComplete(
            (reply, error) -> {
              if (error != null) {
                LOG.debug("forwarding a tx to the leader failed: {}", error.toString());
                return; // it stays in this node's mempool; a new leader gets it again
              }
              TxResult leaders = NodeRequest.decodeResult(reply);
              if (!leaders.isOk() && leaders.code() != 19) {
                LOG.debug("the leader refused a forwarded tx: {}", leaders.log());
                pool.drop(tx);
              }
            });
  }

  /** Sends a request to the leader, wherever it is. */
  CompletableFuture<byte[]> ask(NodeRequest request) {
    return member.ask(request);
  }

  @Override
  public CompletableFuture<Message> request(NodeRequest request) {
    return requests.handle(request);
  }

  @Override
  public void leaderChanged(RaftPeerId leader) {
    LOG.info("Raft leader is now {}", leader);
    if (leader != null && !leader.equals(member.self()) && member.started()) {
      // The old leader's mempool may be gone: give the new one everything still waiting here.
      for (byte[] tx : pool.reap()) {
        forward(tx);
      }
    }
    synchronized (this) {
      if (!closed && next != null) {
        next.cancel();
        scheduleNext();
      }
    }
  }

  // ---- blocks out ----

  boolean isLeader() {
    return member.isLeaderReady();
  }

  RaftMember member() {
    return member;
  }

  /** Schedules the next proposal attempt; the caller holds {@code this}. */
  private void scheduleNext() {
    long due = settings.timing().delayNanos(clockNanos.getAsLong(), lastBlockAtNanos, pool.size());
    long mine = ++generation;
    try {
      next = scheduler.schedule(() -> propose(mine), due);
    } catch (RejectedExecutionException e) {
      next = null;
    }
  }

  /** On the leader, appends the next block; elsewhere, only looks again later. */
  void propose(long ticket) {
    synchronized (this) {
      if (closed || ticket != generation) {
        return;
      }
      next = null;
      if (proposing || !isLeader()) {
        scheduleNext();
        return;
      }
      proposing = true;
    }
    AppInfo info = app.info();
    Block block =
        new Block(
            info.lastHeight() + 1,
            BlockTiming.blockTimeNanos(clockNanos.getAsLong(), info.lastBlockTimeNanos()),
            settings.proposer(),
            pool.reap());
    CompletableFuture<RaftClientReply> reply =
        member.append(
            stateMachine.proposer(), new BlockProposal(block, info.lastAppHash()).encode());
    reply.whenComplete(
        (r, error) -> {
          if (error != null || !r.isSuccess()) {
            LOG.debug(
                "proposal of block {} was not committed: {}",
                block.height(),
                error != null ? error.toString() : r.getException());
          }
          synchronized (this) {
            proposing = false;
            if (!closed) {
              scheduleNext();
            }
          }
        });
  }

  @Override
  public void commit(Block block, BlockResult result) {
    pool.holdingChecks(
        () -> {
          long committed = app.commit();
          if (committed != block.height()) {
            throw new IllegalStateException(
                "the application committed height " + committed + " for block " + block.height());
          }
          synchronized (this) {
            lastHeight = committed;
            lastBlockTimeNanos = block.timeNanos();
            lastBlockAtNanos = clockNanos.getAsLong();
          }
          pool.committed(committed, block.txs());
          return null;
        });
    for (Listener listener : listeners) {
      try {
        listener.committed(block, result);
      } catch (RuntimeException e) {
        LOG.warn("a block listener failed at height {}", block.height(), e);
      }
    }
  }

  @Override
  public void stateReplaced() {
    synchronized (this) {
      snapshotsInstalled++;
    }
    AppInfo info = app.info();
    pool.holdingChecks(
        () -> {
          synchronized (this) {
            lastHeight = info.lastHeight();
            lastBlockTimeNanos = info.lastBlockTimeNanos();
            lastBlockAtNanos = clockNanos.getAsLong();
          }
          pool.committed(info.lastHeight(), List.of());
          return null;
        });
    for (Listener listener : listeners) {
      listener.stateReplaced(info.lastHeight());
    }
  }

  @Override
  public void halted(String reason, Throwable cause) {
    LOG.error("{}", reason);
    synchronized (this) {
      if (failure == null) {
        failure = new IllegalStateException(reason, cause);
      }
    }
    // Off Ratis's apply thread: closing the server waits for that thread.
    Thread.ofPlatform().name("arcanum-raft-halt").start(this::close);
  }

  /** A joining node could not join; it stops with this reason. */
  void joinFailed(String reason) {
    halted("this node was not added to the network: " + reason, null);
  }

  @Override
  public synchronized long height() {
    return lastHeight;
  }

  @Override
  public synchronized long lastBlockTimeNanos() {
    return lastBlockTimeNanos;
  }

  @Override
  public int pendingTxs() {
    return pool.size();
  }

  @Override
  public boolean isPending(byte[] txHash) {
    return pool.isPending(txHash);
  }

  @Override
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public synchronized Throwable failure() {
    return failure;
  }

  /** How many state snapshots this node installed from a leader since it started. */
  public synchronized int snapshotsInstalled() {
    return snapshotsInstalled;
  }

  /** Whether this node is the leader now (for tests and the status log). */
  public boolean leads() {
    return isLeader();
  }

  /** This node's role in the Raft group: LEADER, FOLLOWER, LISTENER or CANDIDATE. */
  public String role() {
    return member.role();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      generation++;
      if (next != null) {
        next.cancel();
        next = null;
      }
    }
    if (join != null) {
      join.close();
    }
    pool.close();
    scheduler.close();
    try {
      member.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing the Raft server failed: {}", e.toString());
    }
    stopped.countDown();
  }
}
