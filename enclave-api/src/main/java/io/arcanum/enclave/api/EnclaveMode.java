package io.arcanum.enclave.api;

import java.util.Arrays;
import java.util.Locale;

/** Where the node runs its enclave (docs/enclave.md, "The enclave process"). */
public enum EnclaveMode {
  /** In the node's own JVM, found through {@link EnclaveProvider}. */
  IN_PROCESS("in-process"),
  /** In a child JVM that holds every key; the node keeps only a proxy. */
  PROCESS("process");

  private final String configValue;

  EnclaveMode(String configValue) {
    this.configValue = configValue;
  }

  /** The name configuration files use: {@code in-process} or {@code process}. */
  public String configValue() {
    return configValue;
  }

  /**
   * Reads a configuration value.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static EnclaveMode parse(String value) {
    for (EnclaveMode mode : values()) {
      if (mode.configValue.equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "enclave mode must be one of "
            + Arrays.stream(values()).map(EnclaveMode::configValue).toList()
            + ", not "
            + value);
  }
}
