package io.arcanum.chain.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.auth.Addresses;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.GenesisHandler;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.proto.ProtoJson;
import io.arcanum.proto.cosmos.bank.v1beta1.Output;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The {@code bank} section of the genesis file (docs/chain.md "Genesis"):
 *
 * <pre>{@code
 * "bank": {
 *   "balances": [{"address": "secret1…", "coins": [{"denom": "uscrt", "amount": "1000"}]}, ...],
 *   "supply": [{"denom": "uscrt", "amount": "5000"}]        // optional; checked if given
 * }
 * }</pre>
 *
 * As in the SDK, balances do not create accounts: an address that must sign needs an entry in the
 * {@code auth} section too. The supply is the sum of the balances.
 */
public final class BankGenesis implements GenesisHandler {
  private static final Set<String> FIELDS = Set.of("balances", "supply");
  private static final Set<String> BALANCE_FIELDS = Set.of("address", "coins");

  private final BankKeeper bank;
  private final Addresses addresses;

  public BankGenesis(BankKeeper bank, Addresses addresses) {
    this.bank = bank;
    this.addresses = addresses;
  }

  @Override
  public String module() {
    return "bank";
  }

  @Override
  public void initGenesis(MsgContext context, JsonNode section) throws ChainException {
    if (section.isMissingNode()) {
      return;
    }
    checkFields(section, FIELDS, "bank");
    JsonNode balances = section.path("balances");
    if (!balances.isMissingNode() && !balances.isArray()) {
      throw invalid("bank.balances", "must be an array");
    }
    Set<String> seen = new HashSet<>();
    List<List<Coin>> all = new ArrayList<>();
    for (int i = 0; i < balances.size(); i++) {
      String where = "bank.balances[" + i + "]";
      JsonNode entry = balances.get(i);
      checkFields(entry, BALANCE_FIELDS, where);
      byte[] address = addresses.parse(entry.path("address").asText(), "address in " + where);
      if (!seen.add(HexFormat.of().formatHex(address))) {
        throw invalid(where, "duplicate balance for " + entry.path("address").asText());
      }
      List<Coin> coins = coins(entry.path("coins"), where + ".coins");
      bank.mint(context.store(), address, coins);
      all.add(coins);
    }
    if (section.has("supply")) {
      List<Coin> supply = coins(section.get("supply"), "bank.supply");
      List<Coin> sum = Coins.sum(all);
      if (!supply.equals(sum)) {
        throw invalid(
            "bank.supply",
            "is " + Coins.format(supply) + " but the balances add up to " + Coins.format(sum));
      }
    }
  }

  private static List<Coin> coins(JsonNode json, String where) throws ChainException {
    if (json.isMissingNode()) {
      return List.of();
    }
    List<Coin> coins;
    try {
      // Output has the same "coins" field as a balance; reuse its proto JSON parsing.
      Output parsed = ProtoJson.merge("{\"coins\":" + json + "}", Output.newBuilder()).build();
      coins = Coins.fromProto(parsed.getCoinsList());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw invalid(where, e.getMessage());
    }
    if (!Coins.isValid(coins)) {
      throw invalid(where, Coins.format(coins) + " must be sorted by denom, unique and positive");
    }
    return coins;
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String where)
      throws ChainException {
    if (!node.isObject()) {
      throw invalid(where, "must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw invalid(where + "." + name, "unknown field");
      }
    }
  }

  private static ChainException invalid(String where, String why) {
    return SdkErrors.JSON_UNMARSHAL.wrap("genesis " + where + ": " + why);
  }
}
