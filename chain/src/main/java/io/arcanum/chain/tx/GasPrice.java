package io.arcanum.chain.tx;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimum gas price such as {@code 0.0125uscrt} (a node's {@code minimum-gas-prices}; LocalSecret
 * keeps secretd's default 0.0125uscrt, secretjs-api.md §8). Zero disables the check.
 */
public record GasPrice(BigDecimal amount, String denom) {
  private static final Pattern TEXT =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})");

  public static final GasPrice LOCAL_SECRET = parse("0.0125uscrt");

  public GasPrice {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(denom, "denom");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("gas price must not be negative: " + amount);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code text} is a decimal amount and a denom
   */
  public static GasPrice parse(String text) {
    Matcher m = TEXT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid gas price '" + text + "', expected e.g. 0.0125uscrt");
    }
    return new GasPrice(new BigDecimal(m.group(1)), m.group(2));
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** The fee a tx with {@code gasLimit} (a uint64) must at least pay: ceil(price × limit). */
  public BigInteger requiredFee(long gasLimit) {
    BigDecimal gas = new BigDecimal(new BigInteger(Long.toUnsignedString(gasLimit)));
    return amount.multiply(gas).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
  }

  @Override
  public String toString() {
    return amount.toPlainString() + denom;
  }
}
