package io.arcanum.node.consensus.raft;

import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.consensus.BlockTiming;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a network member runs with.
 *
 * @param proposer this validator's address, recorded in the blocks it proposes
 * @param admission a joining node's admission; empty for a member
 */
public record RaftSettings(
    NetworkConfig network,
    String chainId,
    byte[] proposer,
    Path raftDirectory,
    BlockTiming timing,
    BlockLimits limits,
    Optional<MemberAdmission> admission,
    RaftTuning tuning) {
  public RaftSettings {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(chainId, "chainId");
    proposer = proposer.clone();
    Objects.requireNonNull(raftDirectory, "raftDirectory");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(admission, "admission");
    Objects.requireNonNull(tuning, "tuning");
  }

  /**
   * The settings of the member on {@code home}: its validator address proposes, and a joining
   * node's admission is {@code config/admission.json}.
   *
   * @throws ConfigException if a node not among the members has no admission, or a file is bad
   */
  public static RaftSettings forHome(
      NodeHome home,
      NetworkConfig network,
      NodeConfig config,
      BlockTiming timing,
      RaftTuning tuning)
      throws ConfigException {
    byte[] proposer;
    try (NodeKey key = NodeKey.read(home.nodeKeyFile())) {
      proposer = java.util.HexFormat.of().parseHex(key.address());
    }
    Optional<MemberAdmission> admission =
        java.nio.file.Files.exists(home.admissionFile())
            ? Optional.of(MemberAdmission.read(home.admissionFile()))
            : Optional.empty();
    if (network.self().isEmpty() && admission.isEmpty()) {
      throw new ConfigException(
          home.networkConfigFile()
              + " does not list this node ("
              + network.nodeId()
              + ") among the members, and "
              + home.admissionFile()
              + " is missing: a joining node needs a member's admission (docs/network.md §"
              + " Joining)");
    }
    return new RaftSettings(
        network,
        config.chainId(),
        proposer,
        home.raftDir(),
        timing,
        config.blockLimits(),
        admission,
        tuning);
  }
}
