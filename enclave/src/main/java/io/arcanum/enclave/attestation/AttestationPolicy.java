package io.arcanum.enclave.attestation;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a network accepts as registration evidence (protocol.md §12.2, §14 item 3): the roots
 * evidence may chain to, the enclave measurements, the machine allow-list and the JWT keys. All hex
 * is normalised to lower case, so genesis may spell it either way.
 *
 * @param trustedRootFingerprints SHA-256 of the DER root certificates: Intel's SGX Root CA, and on
 *     a development network the development root named in genesis
 * @param allowedMeasurements hex MRENCLAVE values
 * @param machineAllowList hex 20-byte machine ids (§4.4)
 * @param jwtTrust keys an attestation JWT may be signed by
 */
public record AttestationPolicy(
    Set<String> trustedRootFingerprints,
    Set<String> allowedMeasurements,
    Set<String> machineAllowList,
    JwtTrust jwtTrust) {

  /**
   * @throws IllegalArgumentException if a fingerprint or measurement is not 32 bytes of hex, or a
   *     machine id not 20
   */
  public AttestationPolicy {
    trustedRootFingerprints = hexSet(trustedRootFingerprints, 32, "root fingerprint");
    allowedMeasurements = hexSet(allowedMeasurements, 32, "measurement");
    machineAllowList = hexSet(machineAllowList, MachineId.LENGTH, "machine id");
    Objects.requireNonNull(jwtTrust, "jwtTrust");
    if (trustedRootFingerprints.isEmpty()) {
      throw new IllegalArgumentException("a policy must trust at least one root");
    }
  }

  /**
   * Production trust: Intel's SGX Root CA only, Secret's default JWT keys (the proof-of-cloud key).
   */
  public static AttestationPolicy production(
      Set<String> allowedMeasurements, Set<String> machineAllowList) {
    return new AttestationPolicy(
        Set.of(PckChain.INTEL_SGX_ROOT_CA_SHA256),
        allowedMeasurements,
        machineAllowList,
        JwtTrust.defaults());
  }

  /**
   * The same policy also trusting a development root (§14 item 3a): what a genesis naming one
   * configures. Real quotes stay acceptable.
   */
  public AttestationPolicy withDevelopmentRoot(String fingerprint) {
    Set<String> roots = new TreeSet<>(trustedRootFingerprints);
    roots.add(fingerprint);
    return new AttestationPolicy(roots, allowedMeasurements, machineAllowList, jwtTrust);
  }

  /** The same policy with another JWT trust. */
  public AttestationPolicy withJwtTrust(JwtTrust trust) {
    return new AttestationPolicy(
        trustedRootFingerprints, allowedMeasurements, machineAllowList, trust);
  }

  /** The same policy with {@code machine} allow-listed. */
  public AttestationPolicy allowing(MachineId machine) {
    Set<String> machines = new TreeSet<>(machineAllowList);
    machines.add(machine.hex());
    return new AttestationPolicy(trustedRootFingerprints, allowedMeasurements, machines, jwtTrust);
  }

  /** The same policy without {@code machine} on the allow-list (after a machine swap). */
  public AttestationPolicy withoutMachine(MachineId machine) {
    Set<String> machines = new TreeSet<>(machineAllowList);
    machines.remove(machine.hex());
    return new AttestationPolicy(trustedRootFingerprints, allowedMeasurements, machines, jwtTrust);
  }

  public boolean allowListed(MachineId machine) {
    return machineAllowList.contains(machine.hex());
  }

  private static Set<String> hexSet(Set<String> values, int bytes, String what) {
    Objects.requireNonNull(values, what + "s");
    Set<String> out = new TreeSet<>();
    for (String value : values) {
      String hex = value.toLowerCase(Locale.ROOT);
      boolean valid = hex.length() == 2 * bytes;
      try {
        HexFormat.of().parseHex(hex);
      } catch (IllegalArgumentException e) {
        valid = false;
      }
      if (!valid) {
        throw new IllegalArgumentException(
            what + " " + value + " is not " + bytes + " bytes of hex");
      }
      out.add(hex);
    }
    return Set.copyOf(out);
  }
}
