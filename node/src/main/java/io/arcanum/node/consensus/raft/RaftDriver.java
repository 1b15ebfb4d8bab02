package io.arcanum.node.consensus.raft;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.node.app.ReopenableApplication;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.consensus.BlockScheduler;
import io.arcanum.node.consensus.BlockTiming;
import io.arcanum.node.consensus.ConsensusDriver;
import io.arcanum.node.consensus.TxPool;
import io.arcanum.node.home.NetworkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
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

  /**
   * What a network member runs with.
   *
   * @param proposer this validator's address, recorded in the blocks it proposes
   * @param admission a joining node's admission; empty for a member
   */
  public record Settings(
      NetworkConfig network,
      String chainId,
      byte[] proposer,
      Path raftDirectory,
      BlockTiming timing,
      BlockLimits limits,
      Optional<MemberAdmission> admission,
      RaftTuning tuning) {
    public Settings {
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(chainId, "chainId");
      proposer = proposer.clone();
      Objects.requireNonNull(raftDirectory, "raftDirectory");
      Objects.requireNonNull(timing, "timing");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(admission, "admission");
      Objects.requireNonNull(tuning, "tuning");
    }
  }

  private final ReopenableApplication app;
  private final Settings settings;
  private final LongSupplier clockNanos;
  private final BlockScheduler scheduler;
  private final TxPool pool;
  private final RaftGroupId groupId;
  private final RaftPeerId self;
  private final ChainStateMachine stateMachine;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong callIds = new AtomicLong();
  private final LeaderRequests requests;

  private RaftServer server;
  private RaftClient client;
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
      Settings settings,
      LongSupplier clockNanos,
      BlockScheduler scheduler) {
    this.app = Objects.requireNonNull(app, "app");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.pool = new TxPool(() -> app, settings.limits());
    this.groupId = groupId(settings.chainId());
    this.self = RaftPeerId.valueOf(settings.network().nodeId());
    this.stateMachine = new ChainStateMachine(app, this, settings.raftDirectory().resolve("work"));
    this.requests = new LeaderRequests(this, settings.chainId(), settings.network(), app);
  }

  /** The network's Raft group: one per chain id. */
  static RaftGroupId groupId(String chainId) {
    return RaftGroupId.valueOf(
        UUID.nameUUIDFromBytes(
            ("arcanum raft group " + chainId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  static RaftPeer peer(NetworkConfig.Member member, RaftPeerRole role) {
    return RaftPeer.newBuilder()
        .setId(member.id())
        .setAddress(member.address())
        .setStartupRole(role)
        .build();
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
    NetworkConfig network = settings.network();
    boolean member = network.members().stream().anyMatch(m -> m.id().equals(network.nodeId()));
    List<RaftPeer> peers =
        new java.util.ArrayList<>(
            network.members().stream().map(m -> peer(m, RaftPeerRole.FOLLOWER)).toList());
    if (!member) {
      MemberAdmission admission =
          settings
              .admission()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "this node ("
                              + network.nodeId()
                              + ") is not among the members in network.json and has no"
                              + " admission to join"));
      peers.add(
          peer(
              new NetworkConfig.Member(
                  network.nodeId(), network.raftAddress(), admission.nodeKey()),
              RaftPeerRole.LISTENER));
    }
    try {
      Files.createDirectories(settings.raftDirectory());
      boolean fresh = !Files.exists(settings.raftDirectory().resolve(groupId.getUuid().toString()));
      server =
          RaftServer.newBuilder()
              .setServerId(self)
              .setGroup(RaftGroup.valueOf(groupId, peers))
              .setStateMachine(stateMachine)
              .setProperties(
                  RaftProperties.server(
                      network, settings.raftDirectory(), settings.limits(), settings.tuning()))
              .setOption(
                  fresh ? RaftStorage.StartupOption.FORMAT : RaftStorage.StartupOption.RECOVER)
              .build();
      server.start();
      client =
          RaftClient.newBuilder()
              .setProperties(RaftProperties.client(settings.limits()))
              .setRaftGroup(
                  RaftGroup.valueOf(
                      groupId,
                      network.members().stream().map(m -> peer(m, RaftPeerRole.FOLLOWER)).toList()))
              .build();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the Raft server did not start on " + network.raftAddress() + ": " + e.getMessage(), e);
    }
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
    return client
        .async()
        .sendReadOnly(Message.valueOf(ByteString.copyFrom(request.encode())))
        .thenApply(
            reply -> {
              if (!reply.isSuccess()) {
                throw new IllegalStateException(
                    "the leader did not answer: " + reply.getException());
              }
              return reply.getMessage().getContent().toByteArray();
            });
  }

  @Override
  public CompletableFuture<Message> request(NodeRequest request) {
    return requests.handle(request);
  }

  @Override
  public void leaderChanged(RaftPeerId leader) {
    LOG.info("Raft leader is now {}", leader);
    if (leader != null && !leader.equals(self) && client != null) {
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
    try {
      RaftServer.Division division = server.getDivision(groupId);
      return division.getInfo().isLeader() && division.getInfo().isLeaderReady();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  RaftServer.Division division() throws IOException {
    return server.getDivision(groupId);
  }

  RaftServer server() {
    return server;
  }

  RaftGroupId group() {
    return groupId;
  }

  RaftPeerId self() {
    return self;
  }

  long nextCallId() {
    return callIds.incrementAndGet();
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
    RaftClientRequest request =
        RaftClientRequest.newBuilder()
            .setClientId(stateMachine.proposer())
            .setServerId(self)
            .setGroupId(groupId)
            .setCallId(nextCallId())
            .setMessage(
                Message.valueOf(
                    ByteString.copyFrom(new BlockProposal(block, info.lastAppHash()).encode())))
            .setType(RaftClientRequest.writeRequestType())
            .build();
    CompletableFuture<RaftClientReply> reply;
    try {
      reply = server.submitClientRequestAsync(request);
    } catch (IOException | RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
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
    try {
      return division().getInfo().getCurrentRole().name();
    } catch (IOException | RuntimeException e) {
      return "STOPPED";
    }
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
      if (client != null) {
        client.close();
      }
      if (server != null) {
        server.close();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing the Raft server failed: {}", e.toString());
    }
    stopped.countDown();
  }
}
