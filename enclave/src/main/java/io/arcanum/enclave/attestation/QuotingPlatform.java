package io.arcanum.enclave.attestation;

/**
 * Where a node's attestation evidence comes from (protocol.md §4.1, §14 item 3): real SGX hardware
 * through Intel's quoting enclave, or the simulated platform of a development network. Both produce
 * the same combined evidence for the same verifier; only the root the chain ends at differs.
 */
public interface QuotingPlatform {
  /**
   * Combined evidence (default layout, §4.1) for an enclave with MRENCLAVE {@code measurement}
   * whose report carries {@code reportData}, with collateral current at {@code nowSeconds}.
   *
   * @param measurement 32 bytes
   * @param reportData 64 bytes: registration public key ‖ owner key
   * @param nowSeconds the time the collateral must be current at (Unix seconds)
   * @throws AttestationException if the platform cannot produce evidence
   */
  byte[] evidence(byte[] measurement, byte[] reportData, long nowSeconds)
      throws AttestationException;
}
