package io.arcanum.node.genesis;

import io.arcanum.chain.bank.Coin;
import io.arcanum.crypto.address.CosmosAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An account genesis funds, as {@code arcanum init} is given it; {@link
 * io.arcanum.chain.app.Genesis.Builder#account} writes its {@code auth} and {@code bank} entries.
 *
 * @param name what the operator calls it (LocalSecret's {@code a}, {@code b}, …); not on chain
 * @param coins sorted by denom here, as the bank section wants them
 */
public record FundedAccount(String name, CosmosAddress address, List<Coin> coins) {
  public FundedAccount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    coins = coins.stream().sorted(Comparator.comparing(Coin::denom)).toList();
  }
}
