package io.arcanum.enclave.api;

/**
 * The ECALLs of the enclave (protocol.md §2–§10). Implementations: the enclave in this process, or
 * a separate enclave process; the node chooses by configuration and sees no difference.
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

  /**
   * Attestation evidence (protocol.md §4.1) for {@code reportData}: {@code registration pk(32) ‖
   * owner key(32)}. The first half must be this enclave's registration key, so the host cannot
   * obtain evidence for a key it chose.
   *
   * @return the combined evidence blob of the {@code RaAuthenticate} tx
   */
  byte[] attestationEvidence(byte[] reportData) throws EnclaveException;

  /**
   * The on-chain side of a registration (§4.2), run by every node for a registration tx: verifies
   * the evidence at block time and encrypts the seeds for the new node's registration key.
   * Deterministic: every node returns the same bytes.
   *
   * @param evidence the combined evidence blob
   * @param replaceMachineId hex of the machine id this one replaces, or {@code ""}
   * @param blockTimeSeconds the block's time
   */
  NodeAuthentication authenticateNewNode(
      byte[] evidence, String replaceMachineId, long blockTimeSeconds) throws EnclaveException;

  /** Runs a contract's instantiate (§6–§8): makes its contract key. */
  ContractResult instantiate(ContractCall call) throws EnclaveException;

  /** Runs a contract's execute. */
  ContractResult execute(ContractCall call) throws EnclaveException;

  /** Runs a contract's migrate with its new code: makes the key after migration and its proof. */
  ContractResult migrate(ContractCall call) throws EnclaveException;

  /** Runs a smart query; it cannot write. */
  ContractResult query(QueryCall call) throws EnclaveException;

  /**
   * Hands a sub-message's result back to the contract that sent it (§10.3): a reply its callee's
   * enclave signed, or a plaintext reply (no signature) for a sub-message no enclave could sign for
   * — see {@link ReplyCall}.
   */
  ContractResult reply(ReplyCall call) throws EnclaveException;

  /**
   * Re-proves a contract's admin after an admin change (protocol.md §8; Secret's {@code
   * ecall_update_admin}): checks that the sender signed this exact {@code MsgUpdateAdmin} / {@code
   * MsgClearAdmin} (or, for a contract's sub-message, its callback signature), that the sender is
   * the current admin with a valid proof, and that the contract key is genuine.
   *
   * @return the new admin's proof, 32 bytes; empty when the admin is cleared
   * @throws EnclaveException UNAUTHORIZED if the sender did not sign the change or is not the
   *     current admin; INVALID_INPUT for malformed addresses or keys
   */
  byte[] updateAdmin(AdminUpdateCall call) throws EnclaveException;

  /** What the enclave holds now. */
  EnclaveStatus status();

  /** The SHA-256 identity of the enclave build that answers, the measurement evidence carries. */
  byte[] measurement();

  @Override
  void close();
}
