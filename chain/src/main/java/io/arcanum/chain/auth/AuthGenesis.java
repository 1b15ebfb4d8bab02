package io.arcanum.chain.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.GenesisHandler;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.KvStore;
import io.arcanum.proto.ProtoJson;
import io.arcanum.proto.cosmos.auth.v1beta1.Params;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The {@code auth} section of the genesis file, in the SDK's shape (docs/chain.md "Genesis"):
 *
 * <pre>{@code
 * "auth": {
 *   "params": {"max_memo_characters": "256", ...},          // optional, SDK defaults
 *   "accounts": [{"@type": "/cosmos.auth.v1beta1.BaseAccount", "address": "secret1…",
 *                 "pub_key": null, "account_number": "0", "sequence": "0"}, ...]
 * }
 * }</pre>
 *
 * Account numbers must be unique; the next new account gets one above the highest. The fee
 * collector module account is created after the listed accounts unless the file lists it.
 */
public final class AuthGenesis implements GenesisHandler {
  private static final Set<String> FIELDS = Set.of("params", "accounts");

  private final AccountKeeper accounts;

  public AuthGenesis(AccountKeeper accounts) {
    this.accounts = accounts;
  }

  @Override
  public String module() {
    return "auth";
  }

  @Override
  public void initGenesis(MsgContext context, JsonNode section) throws ChainException {
    KvStore store = context.store();
    AuthParams params = AuthParams.DEFAULT;
    List<Account> listed = new ArrayList<>();
    if (!section.isMissingNode()) {
      if (!section.isObject()) {
        throw invalid("auth", "must be an object");
      }
      for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!FIELDS.contains(name)) {
          throw invalid("auth." + name, "unknown field");
        }
      }
      if (section.has("params")) {
        params = params(section.get("params"));
      }
      JsonNode list = section.path("accounts");
      if (!list.isMissingNode() && !list.isArray()) {
        throw invalid("auth.accounts", "must be an array");
      }
      for (int i = 0; i < list.size(); i++) {
        listed.add(account(list.get(i), "auth.accounts[" + i + "]"));
      }
    }
    checkUnique(listed);
    accounts.setParams(store, params);
    listed.sort(Comparator.comparingLong(Account::accountNumber));
    long next = 0;
    for (Account account : listed) {
      accounts.set(store, account);
      next = Math.max(next, account.accountNumber() + 1);
    }
    accounts.setNextAccountNumber(store, next);
    accounts.moduleAccount(store, AccountKeeper.FEE_COLLECTOR, List.of());
  }

  private static AuthParams params(JsonNode json) throws ChainException {
    try {
      return AuthParams.fromProto(ProtoJson.merge(json.toString(), Params.newBuilder()).build());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw invalid("auth.params", e.getMessage());
    }
  }

  private Account account(JsonNode json, String where) throws ChainException {
    Account account;
    try {
      account = Account.fromAny(ProtoJson.merge(json.toString(), Any.newBuilder()).build());
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw invalid(where, e.getMessage());
    }
    String address = json.path("address").asText();
    if (account.isModule()) {
      address = json.path("base_account").path("address").asText();
    }
    accounts.addresses().parse(address, "address in " + where);
    if (account.publicKey() != null && account.publicKey().length != 33) {
      throw invalid(where, "pub_key must be a 33-byte compressed secp256k1 key");
    }
    return account;
  }

  private void checkUnique(List<Account> listed) throws ChainException {
    Set<String> addresses = new HashSet<>();
    Set<Long> numbers = new HashSet<>();
    for (Account account : listed) {
      if (!addresses.add(HexFormat.of().formatHex(account.address()))) {
        throw invalid(
            "auth.accounts", "duplicate account " + accounts.addresses().format(account.address()));
      }
      if (!numbers.add(account.accountNumber())) {
        throw invalid("auth.accounts", "duplicate account number " + account.accountNumber());
      }
    }
  }

  private static ChainException invalid(String where, String why) {
    return SdkErrors.JSON_UNMARSHAL.wrap("genesis " + where + ": " + why);
  }
}
