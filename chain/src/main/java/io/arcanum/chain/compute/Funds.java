package io.arcanum.chain.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.chain.bank.Bank;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MsgContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Funds sent with contract calls. The enclave gets them exactly as the message or sub-message lists
 * them (the signature and the callback signature cover that order); the bank moves them as SDK
 * {@code Coins}: zero amounts dropped, sorted by denom, each denom once.
 */
final class Funds {
  private Funds() {}

  static List<io.arcanum.enclave.api.Coin> forEnclave(List<Coin> funds) {
    List<io.arcanum.enclave.api.Coin> out = new ArrayList<>(funds.size());
    for (Coin coin : funds) {
      out.add(new io.arcanum.enclave.api.Coin(coin.denom(), coin.amount().toString()));
    }
    return out;
  }

  /** Moves {@code funds} from one account to another; nothing if they are all zero. */
  static void send(Bank bank, MsgContext context, byte[] from, byte[] to, List<Coin> funds)
      throws ChainException {
    List<Coin> coins = new ArrayList<>();
    Set<String> denoms = new HashSet<>();
    for (Coin coin : funds) {
      if (!denoms.add(coin.denom())) {
        throw SdkErrors.INVALID_COINS.wrap("duplicate denomination " + coin.denom());
      }
      if (!coin.isZero()) {
        coins.add(coin);
      }
    }
    if (coins.isEmpty()) {
      return;
    }
    coins.sort(Comparator.comparing(Coin::denom));
    bank.send(context, from, to, List.copyOf(coins));
  }

  /**
   * Coins of a message's signed funds ({@code cosmos.base.v1beta1.Coin}): valid denoms, positive
   * amounts, sorted, no duplicates (the SDK's {@code Coins.IsValid}).
   *
   * @throws ChainException {@code sdk} 10 naming the coin
   */
  static List<Coin> fromProto(List<io.arcanum.proto.cosmos.base.v1beta1.Coin> coins)
      throws ChainException {
    List<Coin> out = new ArrayList<>(coins.size());
    String previous = null;
    for (io.arcanum.proto.cosmos.base.v1beta1.Coin coin : coins) {
      Coin parsed;
      try {
        parsed = Coin.parse(coin.getDenom(), coin.getAmount());
      } catch (IllegalArgumentException e) {
        throw SdkErrors.INVALID_COINS.wrap(e.getMessage());
      }
      if (parsed.isZero()) {
        throw SdkErrors.INVALID_COINS.wrap("coin " + parsed + " is not positive");
      }
      if (previous != null && previous.compareTo(parsed.denom()) >= 0) {
        throw SdkErrors.INVALID_COINS.wrap("coins are not sorted by denom or have duplicates");
      }
      previous = parsed.denom();
      out.add(parsed);
    }
    return List.copyOf(out);
  }

  /**
   * Coins of a contract's message: {@code [{"denom","amount":"<decimal>"}]}, in order.
   *
   * @throws ChainException {@code sdk} 10 naming what is wrong
   */
  static List<Coin> fromJson(JsonNode list) throws ChainException {
    List<Coin> out = new ArrayList<>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw SdkErrors.INVALID_COINS.wrap("funds are not a list");
    }
    for (JsonNode coin : list) {
      JsonNode amount = coin.get("amount");
      try {
        out.add(
            Coin.parse(
                coin.path("denom").asText(),
                amount == null || !amount.isTextual() ? null : amount.asText()));
      } catch (IllegalArgumentException e) {
        throw SdkErrors.INVALID_COINS.wrap(e.getMessage());
      }
    }
    return out;
  }
}
