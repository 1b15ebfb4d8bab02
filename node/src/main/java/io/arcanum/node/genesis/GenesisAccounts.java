package io.arcanum.node.genesis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.bank.Coin;
import io.arcanum.crypto.address.CosmosAddress;
import java.util.List;
import java.util.Objects;

/**
 * The genesis {@code auth} and {@code bank} sections for funded accounts, in one place so the
 * application's genesis reader ({@code io.arcanum.chain.app.Genesis}) and this writer can be
 * aligned in one edit. The shape (Cosmos-like, 64-bit integers as strings as in the SDK's JSON):
 *
 * <pre>{@code
 * "auth": {"accounts": [{"@type": "/cosmos.auth.v1beta1.BaseAccount", "address": "secret1…",
 *                       "pub_key": null, "account_number": "0", "sequence": "0"}, …]},
 * "bank": {"balances": [{"address": "secret1…",
 *                        "coins": [{"denom": "uscrt", "amount": "1000000000000000000"}]}, …]}
 * }</pre>
 *
 * Account numbers follow the list order from 0; coins are written as given (sorted by denom).
 */
public final class GenesisAccounts {
  private GenesisAccounts() {}

  /** A funded genesis account. */
  public record Account(String name, CosmosAddress address, List<Coin> coins) {
    public Account {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(address, "address");
      coins = coins.stream().sorted((a, b) -> a.denom().compareTo(b.denom())).toList();
    }
  }

  /** {@code app_state.auth}. */
  public static ObjectNode auth(List<Account> accounts, String bech32Prefix) {
    ObjectNode auth = JsonNodeFactory.instance.objectNode();
    ArrayNode list = auth.putArray("accounts");
    for (int i = 0; i < accounts.size(); i++) {
      ObjectNode account = list.addObject();
      account
          .put("@type", "/cosmos.auth.v1beta1.BaseAccount")
          .put("address", accounts.get(i).address().toBech32(bech32Prefix))
          .putNull("pub_key");
      account.put("account_number", Integer.toString(i)).put("sequence", "0");
    }
    return auth;
  }

  /** {@code app_state.bank}. */
  public static ObjectNode bank(List<Account> accounts, String bech32Prefix) {
    ObjectNode bank = JsonNodeFactory.instance.objectNode();
    ArrayNode balances = bank.putArray("balances");
    for (Account account : accounts) {
      ObjectNode balance = balances.addObject();
      balance.put("address", account.address().toBech32(bech32Prefix));
      ArrayNode coins = balance.putArray("coins");
      for (Coin coin : account.coins()) {
        coins.addObject().put("denom", coin.denom()).put("amount", coin.amount().toString());
      }
    }
    return bank;
  }
}
