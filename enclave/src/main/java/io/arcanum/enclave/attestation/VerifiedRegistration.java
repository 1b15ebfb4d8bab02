package io.arcanum.enclave.attestation;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Evidence that passed {@link RegistrationVerifier}: what the enclave needs to encrypt the seeds
 * for the new node and to keep the machine bookkeeping (protocol.md §4.2 enclave steps 4–5).
 *
 * @param registrationPublicKey report_data[0..32], the node's X25519 registration key
 * @param ownerKey report_data[32..64], the owner's ed25519 key (zero for unbound attestation)
 * @param machineId the machine the evidence comes from (§4.4)
 * @param measurement the enclave's MRENCLAVE
 * @param platformStatus the platform's TCB status (UpToDate or SWHardeningNeeded)
 * @param admission why the machine may register
 */
public record VerifiedRegistration(
    byte[] registrationPublicKey,
    byte[] ownerKey,
    MachineId machineId,
    byte[] measurement,
    String platformStatus,
    Admission admission) {

  /** Why a machine was admitted (§12.2 item 6). */
  public enum Admission {
    /** Its machine id is on the allow-list. */
    ALLOW_LIST,
    /** A valid attestation JWT names its quote. */
    JWT
  }

  public VerifiedRegistration {
    registrationPublicKey = registrationPublicKey.clone();
    ownerKey = ownerKey.clone();
    measurement = measurement.clone();
    Objects.requireNonNull(machineId, "machineId");
    Objects.requireNonNull(platformStatus, "platformStatus");
    Objects.requireNonNull(admission, "admission");
  }

  @Override
  public byte[] registrationPublicKey() {
    return registrationPublicKey.clone();
  }

  @Override
  public byte[] ownerKey() {
    return ownerKey.clone();
  }

  @Override
  public byte[] measurement() {
    return measurement.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifiedRegistration that
        && Arrays.equals(registrationPublicKey, that.registrationPublicKey)
        && Arrays.equals(ownerKey, that.ownerKey)
        && machineId.equals(that.machineId)
        && Arrays.equals(measurement, that.measurement)
        && platformStatus.equals(that.platformStatus)
        && admission == that.admission;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(registrationPublicKey), machineId, platformStatus, admission);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "VerifiedRegistration[registration key "
        + hex.formatHex(registrationPublicKey)
        + ", owner "
        + hex.formatHex(ownerKey)
        + ", "
        + machineId
        + ", measurement "
        + hex.formatHex(measurement)
        + ", "
        + platformStatus
        + ", admitted by "
        + admission
        + "]";
  }
}
