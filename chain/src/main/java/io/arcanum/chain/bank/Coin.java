package io.arcanum.chain.bank;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of one denomination ({@code cosmos.base.v1beta1.Coin}: the amount travels as a decimal
 * string of an unsigned 256-bit integer, as the SDK's {@code math.Int}).
 */
public record Coin(String denom, BigInteger amount) {
  /** The SDK's default denom rule: a letter, then 2–127 of letters, digits, {@code /:._-}. */
  private static final Pattern DENOM = Pattern.compile("[a-zA-Z][a-zA-Z0-9/:._-]{2,127}");

  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  public Coin {
    Objects.requireNonNull(denom, "denom");
    Objects.requireNonNull(amount, "amount");
    if (!DENOM.matcher(denom).matches()) {
      throw new IllegalArgumentException("invalid denom: " + denom);
    }
    if (amount.signum() < 0 || amount.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("coin amount out of range: " + amount + denom);
    }
  }

  public static Coin of(String denom, long amount) {
    return new Coin(denom, BigInteger.valueOf(amount));
  }

  /**
   * A coin from the wire's strings.
   *
   * @throws IllegalArgumentException naming the denom or amount that is not valid
   */
  public static Coin parse(String denom, String amount) {
    if (amount == null || !amount.matches("[0-9]{1,78}")) {
      throw new IllegalArgumentException("invalid coin amount: \"" + amount + "\"");
    }
    return new Coin(denom, new BigInteger(amount));
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** {@code 100uscrt}, as the SDK prints coins in events and logs. */
  @Override
  public String toString() {
    return amount + denom;
  }
}
