package io.arcanum.client;

import java.time.Duration;

/**
 * A broadcast tx was not found in a block within the broadcast timeout. It may still be committed:
 * look it up later with {@link SecretNetworkClient#getTx}.
 */
public final class TxTimeoutException extends SecretNetworkException {
  private static final long serialVersionUID = 1L;

  private final String txhash;

  public TxTimeoutException(String txhash, Duration timeout) {
    super(
        "Transaction ID "
            + txhash
            + " was submitted but was not yet found on the chain after "
            + timeout.toMillis()
            + " ms. You might want to check later or increase broadcastTimeout.");
    this.txhash = txhash;
  }

  public String txhash() {
    return txhash;
  }
}
