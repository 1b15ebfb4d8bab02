package io.arcanum.chain.bank;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Lists of coins as the SDK's {@code sdk.Coins}: valid when sorted by denom without duplicates and
 * every amount positive; printed as {@code 1uscrt,2ufoo}.
 */
public final class Coins {
  private Coins() {}

  /**
   * Coins from their wire form.
   *
   * @throws IllegalArgumentException naming the denom or amount that is not valid
   */
  public static List<Coin> fromProto(List<io.arcanum.proto.cosmos.base.v1beta1.Coin> coins) {
    List<Coin> out = new ArrayList<>(coins.size());
    for (io.arcanum.proto.cosmos.base.v1beta1.Coin c : coins) {
      out.add(Coin.parse(c.getDenom(), c.getAmount()));
    }
    return out;
  }

  public static List<io.arcanum.proto.cosmos.base.v1beta1.Coin> toProto(List<Coin> coins) {
    List<io.arcanum.proto.cosmos.base.v1beta1.Coin> out = new ArrayList<>(coins.size());
    for (Coin c : coins) {
      out.add(toProto(c));
    }
    return out;
  }

  public static io.arcanum.proto.cosmos.base.v1beta1.Coin toProto(Coin coin) {
    return io.arcanum.proto.cosmos.base.v1beta1.Coin.newBuilder()
        .setDenom(coin.denom())
        .setAmount(coin.amount().toString())
        .build();
  }

  /** {@code sdk.Coins.String()}: {@code 1uscrt,2ufoo}, empty for none. */
  public static String format(List<Coin> coins) {
    return coins.stream().map(Coin::toString).collect(Collectors.joining(","));
  }

  /** The wire coins printed as the SDK would, even when they do not parse. */
  public static String formatProto(List<io.arcanum.proto.cosmos.base.v1beta1.Coin> coins) {
    return coins.stream().map(c -> c.getAmount() + c.getDenom()).collect(Collectors.joining(","));
  }

  /** {@code IsValid}: sorted by denom, no duplicates, every amount positive. */
  public static boolean isValid(List<Coin> coins) {
    for (int i = 0; i < coins.size(); i++) {
      if (coins.get(i).isZero()) {
        return false;
      }
      if (i > 0 && coins.get(i - 1).denom().compareTo(coins.get(i).denom()) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code IsZero}: no coins, or only zero amounts. */
  public static boolean isZero(List<Coin> coins) {
    return coins.stream().allMatch(Coin::isZero);
  }

  /** The amount of {@code denom} in {@code coins}, zero if absent. */
  public static BigInteger amountOf(List<Coin> coins, String denom) {
    BigInteger total = BigInteger.ZERO;
    for (Coin c : coins) {
      if (c.denom().equals(denom)) {
        total = total.add(c.amount());
      }
    }
    return total;
  }

  /** The sorted sum of several coin lists, zero amounts dropped ({@code Coins.Add}). */
  public static List<Coin> sum(List<List<Coin>> lists) {
    TreeMap<String, BigInteger> totals = new TreeMap<>();
    for (List<Coin> list : lists) {
      for (Coin c : list) {
        totals.merge(c.denom(), c.amount(), BigInteger::add);
      }
    }
    List<Coin> out = new ArrayList<>();
    totals.forEach(
        (denom, amount) -> {
          if (amount.signum() > 0) {
            out.add(new Coin(denom, amount));
          }
        });
    return out;
  }
}
