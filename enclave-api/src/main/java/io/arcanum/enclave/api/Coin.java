package io.arcanum.enclave.api;

import java.util.Objects;

/**
 * Funds sent with a message: a denomination and a decimal amount string, exactly as the signed
 * message carries them (protocol.md §10.2: {@code {"denom":"…","amount":"<decimal>"}}).
 */
public record Coin(String denom, String amount) {
  public Coin {
    Objects.requireNonNull(denom, "denom");
    Objects.requireNonNull(amount, "amount");
  }
}
