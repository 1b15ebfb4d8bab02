package io.arcanum.client.tx;

import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A price per unit of gas in a fee denom. The fee for a gas limit is {@code ceil(gasLimit ×
 * price)}, as secret.js's {@code gasToFee} computes it (secretjs-api.md §4.3), but exactly: no
 * floating point.
 *
 * @param amount the price, 0 or more (secret.js's {@code gasPriceInFeeDenom})
 * @param denom the fee denom (secret.js's {@code feeDenom})
 */
public record GasPrice(BigDecimal amount, String denom) {
  /** secret.js's default: 0.1 uscrt per gas. LocalSecret's minimum is 0.0125 uscrt. */
  public static final GasPrice DEFAULT = new GasPrice(new BigDecimal("0.1"), "uscrt");

  private static final Pattern TEXT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})");

  public GasPrice {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(denom, "denom");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("gas price must not be negative, got " + amount);
    }
    if (denom.isEmpty()) {
      throw new IllegalArgumentException("gas price needs a denom");
    }
  }

  /** {@code of(0.25, "uscrt")}. */
  public static GasPrice of(double amount, String denom) {
    return new GasPrice(BigDecimal.valueOf(amount), denom);
  }

  /**
   * Parses {@code "0.1uscrt"}.
   *
   * @throws IllegalArgumentException unless a decimal amount directly followed by a denom
   */
  public static GasPrice parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "gas price must be a decimal amount followed by a denom, like 0.1uscrt; got '"
              + text
              + "'");
    }
    return new GasPrice(new BigDecimal(m.group(1)), m.group(2));
  }

  /** {@code ceil(gasLimit × amount)} of the denom. */
  public Coin feeFor(long gasLimit) {
    if (gasLimit < 0) {
      throw new IllegalArgumentException("gas limit must not be negative, got " + gasLimit);
    }
    BigDecimal fee =
        amount.multiply(BigDecimal.valueOf(gasLimit)).setScale(0, RoundingMode.CEILING);
    return Coin.newBuilder().setDenom(denom).setAmount(fee.toPlainString()).build();
  }

  @Override
  public String toString() {
    return amount.toPlainString() + denom;
  }
}
