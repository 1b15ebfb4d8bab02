package io.arcanum.enclave.auth;

import io.arcanum.enclave.api.Coin;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Coin amounts as the enclave compares and hashes them. Secret's enclave reads every amount as a
 * {@code u128}, so "0100" and "100" are the same amount, and re-serialises funds with serde for the
 * callback signature (protocol.md §10.2); this class does both the same way.
 */
public final class Funds {
  private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private Funds() {}

  /**
   * The amount as a canonical decimal (no sign, no leading zeros).
   *
   * @throws IllegalArgumentException unless it is a decimal integer in 0 .. 2^128 - 1
   */
  public static String canonicalAmount(String amount) {
    if (amount.isEmpty() || !amount.chars().allMatch(Funds::isDigit)) {
      throw new IllegalArgumentException("amount '" + amount + "' is not a decimal integer");
    }
    String digits = amount.replaceFirst("^0+(?=.)", "");
    // 2^128 - 1 has 39 digits; the length test keeps BigInteger off absurdly long input.
    if (digits.length() > 39 || new BigInteger(digits).compareTo(U128_MAX) > 0) {
      throw new IllegalArgumentException("amount " + amount + " does not fit in 128 bits");
    }
    return digits;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The coins with canonical amounts.
   *
   * @throws IllegalArgumentException if an amount is not a u128 decimal
   */
  public static List<Coin> canonical(List<Coin> coins) {
    List<Coin> out = new ArrayList<>(coins.size());
    for (Coin coin : coins) {
      out.add(new Coin(coin.denom(), canonicalAmount(coin.amount())));
    }
    return List.copyOf(out);
  }

  /**
   * {@code JSON(funds)} of the callback signature (protocol.md §10.2): compact serde JSON {@code
   * [{"denom":"…","amount":"…"}]}, {@code []} for none, amounts canonical.
   *
   * @throws IllegalArgumentException if an amount is not a u128 decimal
   */
  public static String callbackJson(List<Coin> coins) {
    StringBuilder json = new StringBuilder("[");
    for (Coin coin : coins) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"denom\":");
      appendString(json, coin.denom());
      json.append(",\"amount\":\"").append(canonicalAmount(coin.amount())).append("\"}");
    }
    return json.append(']').toString();
  }

  /** A JSON string as serde_json writes it: only '"', '\\' and control characters escaped. */
  private static void appendString(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
