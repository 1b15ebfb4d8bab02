package io.arcanum.node.consensus.raft;

import io.arcanum.node.home.NetworkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * This node's place in the Raft group: its Ratis server (formatting the log on first start) and the
 * client it reaches the leader with. Knows nothing of blocks; {@link RaftDriver} does.
 */
final class RaftMember implements AutoCloseable {
  private final RaftSettings settings;
  private final RaftGroupId groupId;
  private final RaftPeerId self;
  private final AtomicLong callIds = new AtomicLong();
  private RaftServer server;
  private RaftClient client;

  RaftMember(RaftSettings settings) {
    this.settings = settings;
    this.groupId = groupId(settings.chainId());
    this.self = RaftPeerId.valueOf(settings.network().nodeId());
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

  /**
   * Starts the server: the known members as voters, and this node as a listener if it is joining.
   *
   * @throws IllegalStateException if a joining node has no admission, or the server cannot start
   */
  void start(StateMachine stateMachine) {
    NetworkConfig network = settings.network();
    List<RaftPeer> peers =
        new ArrayList<>(
            network.members().stream().map(m -> peer(m, RaftPeerRole.FOLLOWER)).toList());
    if (network.self().isEmpty()) {
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
  }

  /** Appends {@code entry} to the log as {@code proposer}; this node must be the leader. */
  CompletableFuture<RaftClientReply> append(ClientId proposer, byte[] entry) {
    RaftClientRequest request =
        RaftClientRequest.newBuilder()
            .setClientId(proposer)
            .setServerId(self)
            .setGroupId(groupId)
            .setCallId(nextCallId())
            .setMessage(Message.valueOf(ByteString.copyFrom(entry)))
            .setType(RaftClientRequest.writeRequestType())
            .build();
    try {
      return server.submitClientRequestAsync(request);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
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

  /** Whether this node leads and its leadership is established (its first entry committed). */
  boolean isLeaderReady() {
    try {
      RaftServer.Division division = division();
      return division.getInfo().isLeader() && division.getInfo().isLeaderReady();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  boolean started() {
    return client != null;
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

  /** LEADER, FOLLOWER, LISTENER or CANDIDATE; STOPPED when the server is not running. */
  String role() {
    try {
      return division().getInfo().getCurrentRole().name();
    } catch (IOException | RuntimeException e) {
      return "STOPPED";
    }
  }

  @Override
  public void close() throws IOException {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
