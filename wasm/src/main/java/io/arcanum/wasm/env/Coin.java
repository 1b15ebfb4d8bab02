package io.arcanum.wasm.env;

import java.math.BigInteger;
import java.util.Objects;

/** An amount of one denomination; serialised as {@code {"denom":"uscrt","amount":"1000"}}. */
public record Coin(String denom, BigInteger amount) {
  public Coin {
    Objects.requireNonNull(denom, "denom");
    if (amount.signum() < 0 || amount.bitLength() > 128) {
      throw new IllegalArgumentException("coin amount must be a Uint128, got " + amount);
    }
  }

  public static Coin of(String denom, long amount) {
    return new Coin(denom, BigInteger.valueOf(amount));
  }
}
