package io.arcanum.node.consensus.raft;

import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.registration.RegistrationQueryHandler;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedRequest;
import io.arcanum.proto.secret.registration.v1beta1.QueryEncryptedSeedResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's side of what other nodes ask outside the log: forwarded txs, and the two steps of a
 * join (docs/network.md § Adding a member). A join is admitted only with a {@link MemberAdmission}
 * signed by a member this leader's {@code network.json} names, for a registration key that holds an
 * encrypted seed on chain (the node's enclave passed attestation, protocol.md §4.2). The membership
 * changes are made here, in process, never through Ratis's admin API from the network.
 *
 * <p>Answers to join steps: {@code u8 status (0 done, 1 refused, 2 not yet) ‖ UTF-8 message}.
 */
final class LeaderRequests {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderRequests.class);

  static final byte DONE = 0;
  static final byte REFUSED = 1;
  static final byte NOT_YET = 2;

  private final RaftDriver driver;
  private final String chainId;
  private final NetworkConfig network;
  private final Application app;
  private final ClientId admin = ClientId.randomId();

  LeaderRequests(RaftDriver driver, String chainId, NetworkConfig network, Application app) {
    this.driver = driver;
    this.chainId = chainId;
    this.network = network;
    this.app = app;
  }

  CompletableFuture<Message> handle(NodeRequest request) {
    try {
      return switch (request.kind()) {
        case SUBMIT_TX -> done(NodeRequest.encodeResult(driver.submitForwarded(request.payload())));
        case JOIN_AS_LEARNER -> join(request.payload(), false);
        case PROMOTE_TO_VOTER -> join(request.payload(), true);
      };
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Message> join(byte[] payload, boolean promote) {
    MemberAdmission admission;
    try {
      admission = MemberAdmission.fromJsonBytes(payload);
    } catch (IllegalArgumentException e) {
      return answer(REFUSED, e.getMessage());
    }
    String refusal = admission.refusal(chainId, network.members());
    if (refusal == null) {
      refusal = registrationRefusal(admission.registrationKey());
    }
    if (refusal != null) {
      LOG.warn("refused to add node {}: {}", admission.nodeId(), refusal);
      return answer(REFUSED, refusal);
    }
    RaftConfiguration conf;
    try {
      conf = driver.member().division().getRaftConf();
    } catch (java.io.IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    RaftPeer learner =
        RaftMember.peer(
            new NetworkConfig.Member(
                admission.nodeId(), admission.raftAddress(), admission.nodeKey()),
            RaftPeerRole.LISTENER);
    List<RaftPeer> voters = new ArrayList<>(conf.getAllPeers(RaftPeerRole.FOLLOWER));
    List<RaftPeer> learners = new ArrayList<>(conf.getAllPeers(RaftPeerRole.LISTENER));
    boolean isVoter =
        voters.stream().anyMatch(p -> p.getId().toString().equals(admission.nodeId()));
    boolean isLearner =
        learners.stream().anyMatch(p -> p.getId().toString().equals(admission.nodeId()));
    SetConfigurationRequest.Arguments arguments;
    if (isVoter) {
      return answer(DONE, "already a voter");
    } else if (!promote) {
      if (isLearner) {
        return answer(DONE, "already a learner");
      }
      arguments =
          SetConfigurationRequest.Arguments.newBuilder()
              .setServersInNewConf(List.of())
              .setListenersInNewConf(List.of(learner))
              .setMode(SetConfigurationRequest.Mode.ADD)
              .build();
    } else {
      if (!isLearner) {
        return answer(NOT_YET, "not a learner yet");
      }
      learners.removeIf(p -> p.getId().toString().equals(admission.nodeId()));
      voters.add(RaftPeer.newBuilder(learner).setStartupRole(RaftPeerRole.FOLLOWER).build());
      arguments =
          SetConfigurationRequest.Arguments.newBuilder()
              .setServersInNewConf(voters)
              .setListenersInNewConf(learners)
              .build();
    }
    SetConfigurationRequest change =
        new SetConfigurationRequest(
            admin,
            driver.member().self(),
            driver.member().group(),
            driver.member().nextCallId(),
            arguments);
    try {
      return driver
          .member()
          .server()
          .setConfigurationAsync(change)
          .thenApply(
              reply -> {
                if (!reply.isSuccess()) {
                  return message(NOT_YET, "membership change failed: " + reply.getException());
                }
                LOG.info(
                    "node {} ({}) is now a {}",
                    admission.nodeId(),
                    admission.raftAddress(),
                    promote ? "voter" : "learner");
                return message(DONE, promote ? "promoted to voter" : "added as learner");
              });
    } catch (java.io.IOException | RuntimeException e) {
      return answer(NOT_YET, "membership change failed: " + e.getMessage());
    }
  }

  /** Why the registration key does not qualify, or null if it holds an encrypted seed on chain. */
  private String registrationRefusal(byte[] registrationKey) {
    QueryResponse response =
        app.query(
            new QueryRequest(
                RegistrationQueryHandler.ENCRYPTED_SEED,
                QueryEncryptedSeedRequest.newBuilder()
                    .setPubKey(com.google.protobuf.ByteString.copyFrom(registrationKey))
                    .build()
                    .toByteArray(),
                0,
                false));
    try {
      if (response.code() == 0
          && !QueryEncryptedSeedResponse.parseFrom(response.value()).getEncryptedSeed().isEmpty()) {
        return null;
      }
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return "the registration query answered malformed bytes";
    }
    return "its registration key is not registered on chain (no encrypted seed for it)";
  }

  private static CompletableFuture<Message> done(byte[] bytes) {
    return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(bytes)));
  }

  private static CompletableFuture<Message> answer(byte status, String text) {
    return CompletableFuture.completedFuture(message(status, text));
  }

  private static Message message(byte status, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + 1];
    out[0] = status;
    System.arraycopy(body, 0, out, 1, body.length);
    return Message.valueOf(ByteString.copyFrom(out));
  }
}
