package io.arcanum.node.join;

import io.arcanum.enclave.api.EnclaveStatus;
import io.arcanum.node.home.NodeHome;

/**
 * Where a home's enclave stands on the way into the network (protocol.md §4.4: a node is a member
 * exactly when its enclave holds the seeds), and what its operator does next.
 */
public enum JoinStatus {
  /**
   * Neither seeds nor a registration key: a fresh joining home, or a home whose keychain is gone.
   */
  NO_KEYS,
  /** A registration key but no seeds: registered or about to be, waiting for its seed (§4.3). */
  AWAITING_SEED,
  /** The enclave holds the seeds: bootstrapped (§3) or joined. */
  MEMBER;

  public static JoinStatus of(EnclaveStatus status) {
    if (status.initialized()) {
      return MEMBER;
    }
    return status.hasRegistrationKey() ? AWAITING_SEED : NO_KEYS;
  }

  /**
   * Why a node on {@code home} cannot start while its enclave holds no seeds, and what to do.
   *
   * @throws IllegalStateException for {@link #MEMBER}, which has seeds
   */
  public String noSeedsMessage(NodeHome home) {
    return switch (this) {
      case AWAITING_SEED ->
          "this node has not received the consensus seed yet: its enclave has a registration key"
              + " but no seeds. Register it with `arcanum tx register --home "
              + home
              + " --from <key> --node <url of a network node>`, then install the seed with"
              + " `arcanum enclave fetch-seed --home "
              + home
              + " --node <url>` (docs/node.md § Joining a network)";
      case NO_KEYS ->
          "the enclave holds no seeds: "
              + home.sealedDir()
              + " has no sealed keychain for this chain (was it deleted?). A home made to join a"
              + " network (`arcanum init --genesis …`) gets them with `arcanum enclave init`,"
              + " `arcanum tx register` and `arcanum enclave fetch-seed`";
      case MEMBER -> throw new IllegalStateException("a member's enclave holds seeds");
    };
  }
}
