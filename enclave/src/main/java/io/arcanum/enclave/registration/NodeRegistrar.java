package io.arcanum.enclave.registration;

import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.seed.SeedList;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.NodeAuthentication;
import io.arcanum.enclave.attestation.AttestationException;
import io.arcanum.enclave.attestation.AttestationPolicy;
import io.arcanum.enclave.attestation.MachineId;
import io.arcanum.enclave.attestation.RegistrationVerifier;
import io.arcanum.enclave.attestation.VerifiedRegistration;
import io.arcanum.enclave.keys.SeedExchange;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The enclave's side of a registration tx (protocol.md §4.2), run by every node in block order:
 * verifies the evidence at block time under the policy (one path for simulated and real evidence),
 * keeps the machine-owner bookkeeping, and encrypts every seed, oldest first, for the new node's
 * registration key under the latest seed's exchange key.
 *
 * <p>Machine swaps: a {@code replace_machine_id} naming an admitted machine whose recorded owner is
 * the owner key in the new evidence moves that machine's admission to the new machine. The
 * bookkeeping is in memory, fed in block order, as Secret re-feeds it from chain state at start.
 */
public final class NodeRegistrar {
  private static final byte[] NO_OWNER = new byte[32];

  private AttestationPolicy policy;
  private final Map<MachineId, byte[]> owners = new HashMap<>();

  public NodeRegistrar(AttestationPolicy policy) {
    this.policy = policy;
  }

  /**
   * @throws EnclaveException ATTESTATION_REJECTED naming the failed check, INVALID_INPUT for a
   *     malformed machine id; nothing changes
   */
  public synchronized NodeAuthentication authenticate(
      KeySchedule keys,
      SeedList seeds,
      byte[] evidence,
      String replaceMachineId,
      long blockTimeSeconds)
      throws EnclaveException {
    if (evidence == null || evidence.length == 0) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the attestation evidence is empty");
    }
    AttestationPolicy effective = policy;
    MachineId replaced = null;
    if (replaceMachineId != null && !replaceMachineId.isEmpty()) {
      replaced = parseMachineId(replaceMachineId);
      if (!policy.allowListed(replaced)) {
        throw new EnclaveException(
            Reason.ATTESTATION_REJECTED,
            "machine " + replaced.hex() + " is not admitted, so it cannot be replaced");
      }
    }
    VerifiedRegistration verified;
    try {
      if (replaced != null) {
        // The new machine takes the old one's place only if the same owner asks for it.
        MachineId incoming = RegistrationVerifier.machineIdOf(evidence);
        effective = policy.allowing(incoming);
      }
      verified = new RegistrationVerifier(effective).verify(evidence, blockTimeSeconds);
    } catch (AttestationException e) {
      throw new EnclaveException(Reason.ATTESTATION_REJECTED, e.getMessage());
    }
    byte[] owner = verified.ownerKey();
    if (replaced != null) {
      byte[] previousOwner = owners.get(replaced);
      if (Arrays.equals(owner, NO_OWNER)
          || previousOwner == null
          || !Arrays.equals(previousOwner, owner)) {
        throw new EnclaveException(
            Reason.ATTESTATION_REJECTED,
            "only the owner of machine " + replaced.hex() + " may replace it");
      }
    }
    byte[] encryptedSeed =
        SeedExchange.encryptFor(
            keys.seedExchangeKey(), seeds, new X25519PublicKey(verified.registrationPublicKey()));
    if (replaced != null) {
      owners.remove(replaced);
      policy = effective.withoutMachine(replaced);
    }
    if (!Arrays.equals(owner, NO_OWNER)) {
      owners.putIfAbsent(verified.machineId(), owner);
    }
    byte[] machineInfo = new byte[52];
    System.arraycopy(owner, 0, machineInfo, 0, 32);
    System.arraycopy(verified.machineId().bytes(), 0, machineInfo, 32, 20);
    return new NodeAuthentication(encryptedSeed, verified.registrationPublicKey(), machineInfo);
  }

  private static MachineId parseMachineId(String hex) throws EnclaveException {
    try {
      byte[] bytes = HexFormat.of().parseHex(hex);
      return new MachineId(bytes);
    } catch (RuntimeException e) {
      throw new EnclaveException(
          Reason.INVALID_INPUT, "replace_machine_id must be 40 hex characters (20 bytes)");
    }
  }
}
