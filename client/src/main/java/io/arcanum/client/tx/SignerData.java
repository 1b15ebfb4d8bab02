package io.arcanum.client.tx;

import java.util.Objects;

/**
 * What a signature commits to besides the tx: the signer's account number and sequence and the
 * chain id (secret.js's {@code SignerData}). The client reads the first two from the account route
 * before every tx, as secret.js does; pass them explicitly to sign offline.
 */
public record SignerData(long accountNumber, long sequence, String chainId) {
  public SignerData {
    Objects.requireNonNull(chainId, "chainId");
    if (chainId.isEmpty()) {
      throw new IllegalArgumentException("chain id must not be empty");
    }
  }
}
