package io.arcanum.node.consensus.raft;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.node.app.ReopenableApplication;
import io.arcanum.node.consensus.BlockScheduler;
import io.arcanum.node.consensus.BlockTiming;
import io.arcanum.node.consensus.TimedDriver;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
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
public final class RaftDriver extends TimedDriver implements ChainStateMachine.Host {
  private static final Logger LOG = LoggerFactory.getLogger(RaftDriver.class);

  private final RaftSettings settings;
  private final RaftMember member;
  private final ChainStateMachine stateMachine;
  private final LeaderRequests requests;

  private MemberJoin join;
  private boolean proposing;
  private int snapshotsInstalled;

  public RaftDriver(
      ReopenableApplication app,
      RaftSettings settings,
      LongSupplier clockNanos,
      BlockScheduler scheduler) {
    super(app, settings.timing(), settings.limits(), clockNanos, scheduler);
    this.settings = settings;
    this.member = new RaftMember(settings);
    this.stateMachine = new ChainStateMachine(app, this, settings.raftDirectory().resolve("work"));
    this.requests = new LeaderRequests(this, settings.chainId(), settings.network(), app);
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
      resume();
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
    TxResult result = check(tx);
    if (result.isOk() && !leads()) {
      forward(tx);
    }
    return result;
  }

  /** A tx from another node, on the leader. */
  TxResult submitForwarded(byte[] tx) {
    return check(tx);
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
    LOG.info("{}: Raft leader is now {}", member.self(), leader);
    if (leader != null && !leader.equals(member.self()) && member.started()) {
      // The old leader's mempool may be gone: give the new one everything still waiting here.
      for (byte[] tx : pool.waitingTxs()) {
        forward(tx);
      }
    }
    rescheduleNow();
  }

  // ---- blocks out ----

  RaftMember member() {
    return member;
  }

  /** On the leader, appends the next block; elsewhere, only looks again later. */
  @Override
  protected void due(long ticket) {
    synchronized (this) {
      if (!takeTicket(ticket)) {
        return;
      }
      if (proposing || !leads()) {
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
            rescheduleIfRunning();
          }
        });
  }

  @Override
  public void commit(Block block, BlockResult result) {
    commitBlock(block, result);
  }

  @Override
  public void stateReplaced() {
    synchronized (this) {
      snapshotsInstalled++;
    }
    reloaded();
  }

  @Override
  public void halted(String reason, Throwable cause) {
    LOG.error("{}: {}", member.self(), reason);
    fail(new IllegalStateException(reason, cause));
    // Off Ratis's apply thread: closing the server waits for that thread.
    Thread.ofPlatform().name("arcanum-raft-halt").start(this::close);
  }

  /** A joining node could not join; it stops with this reason. */
  void joinFailed(String reason) {
    halted("this node was not added to the network: " + reason, null);
  }

  /** How many state snapshots this node installed from a leader since it started. */
  public synchronized int snapshotsInstalled() {
    return snapshotsInstalled;
  }

  /** Whether this node is the leader now (for tests and the status log). */
  public boolean leads() {
    return member.isLeaderReady();
  }

  /** This node's role in the Raft group: LEADER, FOLLOWER, LISTENER or CANDIDATE. */
  public String role() {
    return member.role();
  }

  @Override
  public void close() {
    boolean first;
    synchronized (this) {
      first = stopScheduling();
    }
    if (!first) {
      // closing already (a halt closes from its own thread): return once it is closed
      awaitStoppedUninterruptibly();
      return;
    }
    if (join != null) {
      join.close();
    }
    closePoolAndTimer();
    try {
      member.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing the Raft server failed: {}", e.toString());
    }
    markStopped();
  }
}
