package io.arcanum.enclave.api;

import java.util.ArrayList;
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

  /**
   * The config as enclave-process arguments ({@code EnclaveProcess.Options.withArguments}); public
   * data only, so it may appear on a command line.
   */
  public List<String> toArguments() {
    List<String> out = new ArrayList<>(List.of("--bech32-prefix", bech32Prefix));
    developmentRoots.forEach(v -> out.addAll(List.of("--development-root", v)));
    allowedMeasurements.forEach(v -> out.addAll(List.of("--allowed-measurement", v)));
    machineAllowList.forEach(v -> out.addAll(List.of("--allowed-machine", v)));
    if (!simulatedPlatform.isEmpty()) {
      out.addAll(List.of("--simulated-platform", simulatedPlatform));
    }
    return out;
  }

  /**
   * Reads {@link #toArguments()}; other {@code --name value} pairs are returned in {@code rest}.
   *
   * @throws IllegalArgumentException for an option without its value
   */
  public static EnclaveConfig fromArguments(List<String> arguments, List<String> rest) {
    String prefix = "secret";
    String platform = "";
    List<String> roots = new ArrayList<>();
    List<String> measurements = new ArrayList<>();
    List<String> machines = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      String name = arguments.get(i);
      if (i + 1 >= arguments.size()) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      String value = arguments.get(++i);
      switch (name) {
        case "--bech32-prefix" -> prefix = value;
        case "--development-root" -> roots.add(value);
        case "--allowed-measurement" -> measurements.add(value);
        case "--allowed-machine" -> machines.add(value);
        case "--simulated-platform" -> platform = value;
        default -> rest.addAll(List.of(name, value));
      }
    }
    return new EnclaveConfig(prefix, roots, measurements, machines, platform);
  }

  /** Secret's prefix, real quotes only, this build's measurement, no allow-listed machines. */
  public static EnclaveConfig defaults() {
    return new EnclaveConfig("secret", List.of(), List.of(), List.of(), "");
  }
}
