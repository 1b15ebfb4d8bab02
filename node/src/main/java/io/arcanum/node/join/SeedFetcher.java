package io.arcanum.node.join;

import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.HomeLock;
import io.arcanum.node.home.NodeHome;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A joining node's last step (protocol.md §4.3): read the seed the network stored for this
 * enclave's registration key, install it with the network's seed-exchange key from genesis, and
 * check that the enclave now derives the keys genesis publishes.
 *
 * <p>The seed-exchange key (NodeExchMasterKey) comes from genesis, never from the node that serves
 * the seed: the enclave checks that the seeds it opens derive exactly that key, so a node cannot
 * hand this one another network's seeds. The source is only a relay.
 *
 * <p>Used by {@code arcanum enclave fetch-seed}; a node can call it at start-up with its open
 * enclave before it serves blocks.
 */
public final class SeedFetcher {
  private SeedFetcher() {}

  /**
   * What the enclave holds after {@link #fetch}.
   *
   * @param keys the network's public keys, now this enclave's
   * @param seeds how many seeds it holds
   * @param registrationKey its registration public key (public: it is the node id on chain)
   * @param alreadyInstalled whether it held them before this call (nothing was fetched)
   */
  public record InstalledSeeds(
      NetworkPublicKeys keys, int seeds, byte[] registrationKey, boolean alreadyInstalled) {
    public InstalledSeeds {
      Objects.requireNonNull(keys, "keys");
      registrationKey = registrationKey.clone();
    }

    @Override
    public byte[] registrationKey() {
      return registrationKey.clone();
    }

    /** {@code 0x} + hex of the registration key: the {@code node_id} of the registration event. */
    public String nodeId() {
      return "0x" + HexFormat.of().formatHex(registrationKey);
    }

    @Override
    public String toString() {
      return "InstalledSeeds[" + keys + ", seeds=" + seeds + ", node " + nodeId() + "]";
    }
  }

  /**
   * Installs the network's seeds into {@code enclave} unless it holds them already.
   *
   * @param network the public keys genesis publishes ({@code app_state.registration})
   * @throws JoinException NO_REGISTRATION_KEY, NOT_REGISTERED (refused, never sent, or not
   *     committed yet: try again after the registration's block), SEED_REFUSED, NETWORK_MISMATCH,
   *     or the source's NODE_UNREACHABLE / NODE_ERROR
   * @throws EnclaveException if the enclave fails for a reason of its own (storage, unavailable)
   */
  public static InstalledSeeds fetch(
      Enclave enclave, NetworkPublicKeys network, EncryptedSeedSource source)
      throws JoinException, EnclaveException {
    JoinStatus status = JoinStatus.of(enclave.status());
    if (status == JoinStatus.MEMBER) {
      NetworkPublicKeys held = requireNetwork(enclave, network);
      return new InstalledSeeds(
          held, enclave.status().seeds(), registrationKeyOrNone(enclave), true);
    }
    if (status == JoinStatus.NO_KEYS) {
      throw new JoinException(
          JoinException.Problem.NO_REGISTRATION_KEY,
          "this enclave has no registration key, so no seed can have been encrypted for it: run"
              + " `arcanum enclave init`, then `arcanum tx register`, first");
    }
    byte[] registrationKey = enclave.registrationPublicKey();
    String node = "0x" + HexFormat.of().formatHex(registrationKey);
    byte[] encrypted =
        source
            .encryptedSeed(registrationKey)
            .orElseThrow(
                () ->
                    new JoinException(
                        JoinException.Problem.NOT_REGISTERED,
                        "the chain holds no registration for node "
                            + node
                            + " (this enclave's registration key): its RaAuthenticate tx was"
                            + " refused, not sent, or is not committed yet. Register with"
                            + " `arcanum tx register`; if a registration is under way, try again"
                            + " after its block"));
    try {
      enclave.installSeeds(network.seedExchangeKey(), encrypted);
    } catch (EnclaveException e) {
      if (e.reason() != EnclaveException.Reason.INVALID_INPUT) {
        throw e;
      }
      throw new JoinException(
          JoinException.Problem.SEED_REFUSED,
          "the encrypted seed stored for node "
              + node
              + " does not open with this enclave's registration key and the network's"
              + " seed-exchange key from genesis ("
              + e.getMessage()
              + "). Was it registered on another network, or was `arcanum enclave init` run"
              + " again with a new key after registering?",
          e);
    }
    NetworkPublicKeys held = requireNetwork(enclave, network);
    return new InstalledSeeds(held, enclave.status().seeds(), registrationKey, false);
  }

  /**
   * {@code arcanum enclave fetch-seed}: {@link #fetch} on {@code home}'s enclave, with the network
   * keys from its genesis, while no node runs on the home.
   *
   * @throws ConfigException if the home is not initialised, in use, or its files are unusable
   */
  public static InstalledSeeds fetch(NodeHome home, EncryptedSeedSource source)
      throws ConfigException, JoinException, EnclaveException {
    HomeEnclave.requireInitialized(home);
    try (HomeLock lock = HomeLock.acquire(home);
        HomeEnclave opened = HomeEnclave.open(home)) {
      return fetch(opened.enclave(), opened.registration().masterKeys(), source);
    }
  }

  private static NetworkPublicKeys requireNetwork(Enclave enclave, NetworkPublicKeys network)
      throws JoinException, EnclaveException {
    NetworkPublicKeys held = enclave.networkPublicKeys();
    if (!held.equals(network)) {
      throw new JoinException(
          JoinException.Problem.NETWORK_MISMATCH,
          "this enclave holds seeds whose public keys ("
              + held
              + ") are not those genesis publishes ("
              + network
              + "): it belongs to another network");
    }
    return held;
  }

  private static byte[] registrationKeyOrNone(Enclave enclave) throws EnclaveException {
    return enclave.status().hasRegistrationKey() ? enclave.registrationPublicKey() : new byte[0];
  }
}
