package io.arcanum.node.consensus.raft;

import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.home.NetworkConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/** The Ratis settings of one node, from its network config, block limits and tuning. */
final class RaftProperties {
  private RaftProperties() {}

  static org.apache.ratis.conf.RaftProperties server(
      NetworkConfig network, Path storage, BlockLimits limits, RaftTuning tuning) {
    org.apache.ratis.conf.RaftProperties p = new org.apache.ratis.conf.RaftProperties();
    RaftServerConfigKeys.setStorageDir(p, List.of(storage.toFile()));
    String address = network.raftAddress();
    int colon = address.lastIndexOf(':');
    GrpcConfigKeys.Server.setHost(p, address.substring(0, colon));
    GrpcConfigKeys.Server.setPort(p, Integer.parseInt(address.substring(colon + 1)));
    // Ratis's admin service (membership, leadership transfer, snapshots, groups) gets its own port
    // on loopback: reaching the Raft port must not be enough to change the membership. The node
    // changes its membership in process (LeaderRequests), never through this service.
    GrpcConfigKeys.Admin.setHost(p, "127.0.0.1");
    GrpcConfigKeys.Admin.setPort(p, freeLoopbackPort());

    // A log entry is a whole block: every buffer on its way must hold the largest one.
    SizeInBytes entry = SizeInBytes.valueOf(limits.maxBytes() + (1L << 20));
    RaftServerConfigKeys.Log.setWriteBufferSize(
        p, SizeInBytes.valueOf(entry.getSize() + 64 * 1024));
    RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, entry);
    RaftServerConfigKeys.Log.setSegmentSizeMax(
        p, SizeInBytes.valueOf(Math.max(tuning.segmentBytes(), entry.getSize())));
    GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf(2 * entry.getSize()));

    // Snapshots every snapshot_interval entries; the log before the last one is purged, so a
    // lagging or new node installs the snapshot instead of replaying every block.
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, network.snapshotInterval());
    RaftServerConfigKeys.Snapshot.setCreationGap(p, network.snapshotInterval());
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    RaftServerConfigKeys.Log.setPurgeGap(p, 1);

    RaftServerConfigKeys.Rpc.setTimeoutMin(
        p, TimeDuration.valueOf(tuning.electionTimeoutMin().toMillis(), TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMax(
        p, TimeDuration.valueOf(tuning.electionTimeoutMax().toMillis(), TimeUnit.MILLISECONDS));
    return p;
  }

  private static int freeLoopbackPort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("no free loopback port for Ratis's admin service", e);
    }
  }

  static org.apache.ratis.conf.RaftProperties client(BlockLimits limits) {
    org.apache.ratis.conf.RaftProperties p = new org.apache.ratis.conf.RaftProperties();
    GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf(2 * (limits.maxBytes() + (1L << 20))));
    return p;
  }
}
