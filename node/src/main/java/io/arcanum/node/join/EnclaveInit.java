package io.arcanum.node.join;

import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveProvider;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.HomeLock;
import io.arcanum.node.home.JsonFiles;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@code arcanum enclave init} (Secret's {@code init-enclave}, protocol.md §4.1): the joining
 * enclave creates a fresh X25519 registration key and attestation evidence whose report data is
 * {@code registration pk(32) ‖ owner key(32)}, the owner key being the node's ed25519 validator
 * key, so the network binds this machine to this validator. The evidence is public; it is written
 * to {@link NodeHome#attestationEvidenceFile()} for {@code arcanum tx register}.
 */
public final class EnclaveInit {
  private EnclaveInit() {}

  /**
   * Evidence for a registration.
   *
   * @param registrationKey the enclave's new registration public key (the {@code node_id})
   * @param ownerKey the validator's ed25519 public key, report data {@code [32..64]}
   * @param evidence the combined evidence blob, the {@code RaAuthenticate} certificate
   */
  public record Evidence(byte[] registrationKey, byte[] ownerKey, byte[] evidence) {
    public Evidence {
      registrationKey = registrationKey.clone();
      ownerKey = ownerKey.clone();
      evidence = evidence.clone();
    }

    @Override
    public byte[] registrationKey() {
      return registrationKey.clone();
    }

    @Override
    public byte[] ownerKey() {
      return ownerKey.clone();
    }

    @Override
    public byte[] evidence() {
      return evidence.clone();
    }

    @Override
    public String toString() {
      return "Evidence[node 0x"
          + HexFormat.of().formatHex(registrationKey)
          + ", "
          + evidence.length
          + " bytes]";
    }
  }

  /**
   * What {@link #run} made.
   *
   * @param machineId this machine's id, which the network's allow list must name
   * @param file where the evidence was written
   * @param replacedKey whether an earlier registration key was replaced (its evidence and any
   *     registration made with it are now of no use to this enclave)
   */
  public record EvidenceFile(Evidence evidence, String machineId, Path file, boolean replacedKey) {
    public EvidenceFile {
      Objects.requireNonNull(evidence, "evidence");
      Objects.requireNonNull(machineId, "machineId");
      Objects.requireNonNull(file, "file");
    }

    /** Base64 of the registration key, as {@code secretd dump pubkey.bin} shows it. */
    public String registrationKeyBase64() {
      return Base64.getEncoder().encodeToString(evidence.registrationKey());
    }
  }

  /**
   * A new registration key (replacing any earlier one: evidence made with the old key is then of no
   * use to this enclave) and evidence for it, owned by {@code owner}.
   *
   * @throws JoinException ALREADY_MEMBER if the enclave holds seeds
   */
  public static Evidence evidence(Enclave enclave, NodeKey owner)
      throws JoinException, EnclaveException {
    if (enclave.status().initialized()) {
      throw new JoinException(
          JoinException.Problem.ALREADY_MEMBER,
          "this enclave already holds the network's seeds: the node is a member and needs no"
              + " registration");
    }
    byte[] registrationKey = enclave.newRegistrationKey();
    byte[] ownerKey = owner.publicKey().bytes();
    byte[] reportData = new byte[64];
    System.arraycopy(registrationKey, 0, reportData, 0, 32);
    System.arraycopy(ownerKey, 0, reportData, 32, 32);
    return new Evidence(registrationKey, ownerKey, enclave.attestationEvidence(reportData));
  }

  /**
   * Runs {@code enclave init} on {@code home}: opens its enclave, makes the key and evidence and
   * writes the evidence file.
   *
   * @throws ConfigException if the home is not initialised or its files are unusable
   * @throws JoinException ALREADY_MEMBER if its enclave holds seeds
   */
  public static EvidenceFile run(NodeHome home)
      throws ConfigException, JoinException, EnclaveException, IOException {
    HomeEnclave.requireInitialized(home);
    Evidence evidence;
    boolean replaced;
    try (HomeLock lock = HomeLock.acquire(home);
        HomeEnclave opened = HomeEnclave.open(home);
        NodeKey owner = NodeKey.read(home.nodeKeyFile())) {
      replaced = opened.enclave().status().hasRegistrationKey();
      evidence = evidence(opened.enclave(), owner);
    }
    Path file = home.attestationEvidenceFile();
    JsonFiles.write(file, evidence.evidence(), false);
    String machineId =
        EnclaveProvider.load().openSimulatedPlatform(home.simulatedPlatformDir()).machineId();
    return new EvidenceFile(evidence, machineId, file, replaced);
  }
}
