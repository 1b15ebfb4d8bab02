package io.arcanum.client.tx;

import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Coin amounts as the SDK writes them: {@code 1000uscrt}, lists joined with commas. */
public final class Coins {
  // The SDK's denom rule: a letter, then 2..127 of letters, digits, '/', ':', '.', '_', '-'.
  private static final Pattern DENOM = Pattern.compile("[a-zA-Z][a-zA-Z0-9/:._-]{2,127}");
  private static final Pattern COIN = Pattern.compile("(\\d+)(" + DENOM.pattern() + ")");

  private Coins() {}

  /** {@code amount} of {@code denom}. */
  public static Coin of(long amount, String denom) {
    if (amount < 0) {
      throw new IllegalArgumentException("coin amount must not be negative, got " + amount);
    }
    return of(BigInteger.valueOf(amount), denom);
  }

  /**
   * {@code amount} (an unsigned integer of any size) of {@code denom}.
   *
   * @throws IllegalArgumentException if the amount is negative or the denom breaks the SDK's rule
   */
  public static Coin of(BigInteger amount, String denom) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("coin amount must not be negative, got " + amount);
    }
    if (denom == null || !DENOM.matcher(denom).matches()) {
      throw new IllegalArgumentException(
          "invalid denom '"
              + denom
              + "': a letter, then 2 to 127 letters, digits or one of / : . _ -");
    }
    return Coin.newBuilder().setDenom(denom).setAmount(amount.toString()).build();
  }

  /** {@code amount} uscrt. */
  public static Coin uscrt(long amount) {
    return of(amount, "uscrt");
  }

  /**
   * Parses {@code "100uscrt"} or {@code "100uscrt,5ufoo"}; an empty string is no coins.
   *
   * @throws IllegalArgumentException naming the part that is not {@code <amount><denom>}
   */
  public static List<Coin> parse(String text) {
    List<Coin> coins = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return coins;
    }
    for (String part : text.split(",", -1)) {
      Matcher m = COIN.matcher(part.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "'" + part.strip() + "' is not a coin like 100uscrt (an integer amount, then a denom)");
      }
      coins.add(of(new BigInteger(m.group(1)), m.group(2)));
    }
    return coins;
  }

  /** {@code 100uscrt,5ufoo}. */
  public static String format(List<Coin> coins) {
    return coins.stream().map(c -> c.getAmount() + c.getDenom()).collect(Collectors.joining(","));
  }
}
