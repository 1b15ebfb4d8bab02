package io.arcanum.node.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.abci.Block;
import io.arcanum.node.NodeRunner;
import io.arcanum.node.SignedTxs;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.consensus.ExecutorBlockScheduler;
import io.arcanum.node.consensus.SoloDriver;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.network.OneMemberHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stranger who reaches a member's Raft port can do with Ratis's own client: not append a
 * block (only the leader's in-process proposer may), and not change the membership (Ratis's admin
 * service listens on loopback only, on another port) — while a read-only request, which is how
 * nodes forward txs, is answered.
 */
@Timeout(120)
class RaftPortTest {

  @Test
  void aClientOfTheRaftPortCanNeitherAppendBlocksNorChangeTheMembership(@TempDir Path dir)
      throws Exception {
    OneMemberHome network = OneMemberHome.create(dir, 1000);
    NodeHome home = network.home();
    NetworkConfig.Member self = network.self();

    try (NodeRunner node =
            NodeRunner.start(
                home,
                new ChainAppFactory(),
                0,
                SoloDriver::systemNanos,
                ExecutorBlockScheduler::new,
                config -> Optional.empty(),
                new RaftTuning(128 * 1024, Duration.ofMillis(300), Duration.ofMillis(600)));
        RaftClient stranger =
            RaftClient.newBuilder()
                .setProperties(new org.apache.ratis.conf.RaftProperties())
                .setRaftGroup(
                    RaftGroup.valueOf(
                        RaftMember.groupId(SignedTxs.CHAIN_ID),
                        RaftMember.peer(self, RaftPeerRole.FOLLOWER)))
                .setRetryPolicy(RetryPolicies.noRetry())
                .build()) {
      RaftDriver driver = (RaftDriver) node.driver();
      while (!driver.leads() || driver.height() < 2) {
        Thread.sleep(20);
      }

      // a block far in the future, on top of the real last app hash
      long height = driver.height();
      byte[] lastAppHash =
          node.chainReader().orElseThrow().blockStore().block(height).orElseThrow().appHash();
      Block forged = new Block(height + 1, Long.MAX_VALUE / 2, new byte[20], List.of());
      byte[] entry = new BlockProposal(forged, lastAppHash).encode();
      assertThatThrownBy(() -> stranger.io().send(Message.valueOf(ByteString.copyFrom(entry))))
          .hasStackTraceContaining("accepts blocks only from its leader's own proposer");
      Thread.sleep(500);
      long now = System.currentTimeMillis() * 1_000_000L;
      for (long h = height + 1; h <= driver.height(); h++) {
        assertThat(node.chainReader().orElseThrow().blockStore().block(h).orElseThrow().timeNanos())
            .isLessThan(now + 60_000_000_000L);
      }

      // Ratis's admin service is not on the Raft port: even listing the server's groups fails
      assertThatThrownBy(() -> stranger.getGroupManagementApi(driver.member().self()).list())
          .hasMessageContaining("UNIMPLEMENTED");
      RaftPeer intruder = RaftPeer.newBuilder().setId("intruder").setAddress("127.0.0.1:1").build();
      assertThatThrownBy(
              () ->
                  stranger
                      .admin()
                      .setConfiguration(
                          List.of(RaftMember.peer(self, RaftPeerRole.FOLLOWER), intruder)))
          .hasStackTraceContaining("UNIMPLEMENTED");
      assertThat(driver.member().division().getRaftConf().getAllPeers(RaftPeerRole.FOLLOWER))
          .extracting(p -> p.getId().toString())
          .containsExactly("v0");

      // the read-only path nodes forward txs on is served
      byte[] answer =
          stranger
              .io()
              .sendReadOnly(
                  Message.valueOf(
                      ByteString.copyFrom(
                          new NodeRequest(NodeRequest.Kind.SUBMIT_TX, SignedTxs.send(0, 0, 1, 5))
                              .encode())))
              .getMessage()
              .getContent()
              .toByteArray();
      assertThat(NodeRequest.decodeResult(answer).isOk()).isTrue();
    }
  }
}
