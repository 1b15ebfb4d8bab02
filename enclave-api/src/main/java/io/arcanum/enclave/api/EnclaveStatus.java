package io.arcanum.enclave.api;

/**
 * What an enclave holds.
 *
 * @param seeds how many consensus seeds (0 before bootstrap or seed installation)
 * @param hasRegistrationKey whether a registration key exists
 */
public record EnclaveStatus(int seeds, boolean hasRegistrationKey) {
  public EnclaveStatus {
    if (seeds < 0) {
      throw new IllegalArgumentException("seed count must not be negative: " + seeds);
    }
  }

  /** Whether the enclave can serve the network (it holds the seeds). */
  public boolean initialized() {
    return seeds > 0;
  }
}
