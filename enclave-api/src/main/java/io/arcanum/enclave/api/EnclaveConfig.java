package io.arcanum.enclave.api;

import java.util.List;
import java.util.Objects;

/**
 * What genesis and the node's configuration tell the enclave (protocol.md §4, §12.2, §14). Plain
 * public data; it crosses the boundary as is.
 *
 * @param bech32Prefix the chain's address prefix ({@code "secret"})
 * @param developmentRoots hex SHA-256 fingerprints of development roots genesis names (§14 item
 *     3a); empty on a chain that accepts only real SGX quotes
 * @param allowedMeasurements hex MRENCLAVE values a joining node may run; empty means this
 *     enclave's own measurement only (§4.2 step 3)
 * @param machineAllowList hex 20-byte machine ids admitted without a JWT (§12.2 item 6)
 * @param simulatedPlatform directory of this node's simulated SGX platform (development root and
 *     machine) used to produce evidence, or {@code ""} if this node produces none
 */
public record EnclaveConfig(
    String bech32Prefix,
    List<String> developmentRoots,
    List<String> allowedMeasurements,
    List<String> machineAllowList,
    String simulatedPlatform) {
  public EnclaveConfig {
    Objects.requireNonNull(bech32Prefix, "bech32Prefix");
    developmentRoots = List.copyOf(developmentRoots);
    allowedMeasurements = List.copyOf(allowedMeasurements);
    machineAllowList = List.copyOf(machineAllowList);
    simulatedPlatform = simulatedPlatform == null ? "" : simulatedPlatform;
  }

  /** Secret's prefix, real quotes only, this build's measurement, no allow-listed machines. */
  public static EnclaveConfig defaults() {
    return new EnclaveConfig("secret", List.of(), List.of(), List.of(), "");
  }
}
