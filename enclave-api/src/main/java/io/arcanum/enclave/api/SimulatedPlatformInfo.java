package io.arcanum.enclave.api;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The public facts of a simulated SGX platform (protocol.md §14 item 3a) that genesis names.
 *
 * @param rootFingerprint lower-case hex SHA-256 of the development root's DER certificate: the
 *     trust anchor genesis lists under development roots
 * @param machineId lower-case hex of this machine's 20-byte id (§4.4), for the machine allow list
 */
public record SimulatedPlatformInfo(String rootFingerprint, String machineId) {
  public SimulatedPlatformInfo {
    check("root fingerprint", rootFingerprint, 32);
    check("machine id", machineId, 20);
  }

  private static void check(String what, String hex, int bytes) {
    Objects.requireNonNull(hex, what);
    if (hex.length() != 2 * bytes || !hex.equals(hex.toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException(
          what + " must be " + 2 * bytes + " lower-case hex characters: " + hex);
    }
    HexFormat.of().parseHex(hex);
  }
}
