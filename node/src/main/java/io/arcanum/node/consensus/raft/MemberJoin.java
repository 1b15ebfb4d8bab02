package io.arcanum.node.consensus.raft;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.server.RaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A joining node's side of the join (docs/network.md § Joining): asks the leader to add it as a
 * learner, waits until it has applied everything the leader has committed (blocks replayed or a
 * snapshot installed), then asks to become a voter. Runs until it is a voter, the node stops, or
 * the leader refuses — then the node stops, saying why.
 */
final class MemberJoin implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MemberJoin.class);
  private static final long RETRY_MILLIS = 250;

  private final RaftDriver driver;
  private final byte[] admission;
  private volatile boolean closed;
  private Thread thread;

  MemberJoin(RaftDriver driver, MemberAdmission admission) {
    this.driver = driver;
    this.admission = admission.toJsonBytes();
  }

  void start() {
    thread = Thread.ofPlatform().daemon().name("arcanum-raft-join").start(this::run);
  }

  private void run() {
    try {
      if (isVoter()) {
        return;
      }
      if (!ask(NodeRequest.Kind.JOIN_AS_LEARNER)) {
        return;
      }
      LOG.info("{}: added to the network as a learner; catching up", driver.member().self());
      while (!closed && !caughtUp()) {
        TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
      }
      if (!closed && ask(NodeRequest.Kind.PROMOTE_TO_VOTER)) {
        LOG.info(
            "{}: caught up at height {}; now a voter", driver.member().self(), driver.height());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks until the leader answers done (true) or refuses (false, the node stops). */
  private boolean ask(NodeRequest.Kind kind) throws InterruptedException {
    while (!closed) {
      byte[] answer;
      try {
        answer = driver.ask(new NodeRequest(kind, admission)).get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        LOG.debug("no answer to the join yet: {}", e.toString());
        TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
        continue;
      }
      String text =
          new String(Arrays.copyOfRange(answer, 1, answer.length), StandardCharsets.UTF_8);
      switch (answer[0]) {
        case LeaderRequests.DONE -> {
          return true;
        }
        case LeaderRequests.REFUSED -> {
          driver.joinFailed(text);
          return false;
        }
        default -> {
          LOG.debug("join step not done yet: {}", text);
          TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
        }
      }
    }
    return false;
  }

  private boolean caughtUp() {
    try {
      RaftServer.Division division = driver.member().division();
      long committed = division.getRaftLog().getLastCommittedIndex();
      return committed > 0 && division.getInfo().getLastAppliedIndex() >= committed;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  private boolean isVoter() {
    try {
      return driver
              .member()
              .division()
              .getRaftConf()
              .getPeer(driver.member().self(), RaftPeerRole.FOLLOWER)
          != null;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
