package io.arcanum.enclave.api;

/**
 * The ECALLs of the enclave (protocol.md §2–§5). Implementations: the enclave in this process, or a
 * separate enclave process; the node chooses by configuration and sees no difference.
 *
 * <p>Every method either succeeds or throws an {@link EnclaveException} naming what was wrong; a
 * refused call changes nothing inside the enclave.
 */
public interface Enclave extends AutoCloseable {

  /**
   * Bootstrap of the network's first node (§3): creates the seed list (genesis + current seed),
   * derives the key schedule and seals it. Refused if the enclave already holds seeds.
   *
   * @return the public keys to publish in genesis
   */
  NetworkPublicKeys bootstrap() throws EnclaveException;

  /**
   * A joining node's last step (§4.3): opens the network's encrypted seed blob (48-byte blocks,
   * optionally after one length byte) with this node's registration key, checks that the latest
   * seed derives {@code networkSeedExchangeKey}, and seals the seeds.
   *
   * @param networkSeedExchangeKey NodeExchMasterKey, 32 bytes
   * @param encryptedSeeds the encrypted seed blob stored on chain for this node
   * @return the network's public keys, now served by this node too
   */
  NetworkPublicKeys installSeeds(byte[] networkSeedExchangeKey, byte[] encryptedSeeds)
      throws EnclaveException;

  /**
   * Creates and seals this node's X25519 registration key (§4.1), replacing any previous one.
   *
   * @return its 32-byte public key, the first half of the attestation report data
   */
  byte[] newRegistrationKey() throws EnclaveException;

  /** This node's registration public key, if one was created. */
  byte[] registrationPublicKey() throws EnclaveException;

  /** The network's public keys: NodeExchMasterKey and IoExchMasterKey of the latest seed. */
  NetworkPublicKeys networkPublicKeys() throws EnclaveException;

  /** What the enclave holds now. */
  EnclaveStatus status();

  /** The SHA-256 identity of the enclave build that answers, the measurement evidence carries. */
  byte[] measurement();

  @Override
  void close();
}
