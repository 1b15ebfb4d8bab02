package io.arcanum.chain.compute;

import io.arcanum.chain.abci.Event;
import io.arcanum.chain.bank.Bank;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.KvKeys;
import io.arcanum.chain.state.KvStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bank for the compute tests (the real one lands from another branch): balances under {@code
 * testbank/ ‖ address ‖ denom}, sends with the SDK's events.
 */
final class TestBank implements Bank {
  private static final byte[] PREFIX = "testbank/".getBytes(StandardCharsets.US_ASCII);
  private final TestAccounts accounts;

  TestBank(TestAccounts accounts) {
    this.accounts = accounts;
  }

  private static byte[] key(byte[] address, String denom) {
    return KvKeys.concat(PREFIX, address, denom.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public Coin balance(KvStore store, byte[] address, String denom) {
    byte[] value = store.get(key(address, denom));
    return new Coin(
        denom,
        value == null
            ? BigInteger.ZERO
            : new BigInteger(new String(value, StandardCharsets.US_ASCII)));
  }

  @Override
  public List<Coin> balances(KvStore store, byte[] address) {
    List<Coin> out = new ArrayList<>();
    byte[] prefix = KvKeys.concat(PREFIX, address);
    store.scanPrefix(
        prefix,
        (key, value) -> {
          String denom =
              new String(key, prefix.length, key.length - prefix.length, StandardCharsets.US_ASCII);
          out.add(new Coin(denom, new BigInteger(new String(value, StandardCharsets.US_ASCII))));
          return true;
        });
    return out;
  }

  void mint(KvStore store, byte[] address, Coin coin) {
    set(
        store,
        address,
        balance(store, address, coin.denom()).amount().add(coin.amount()),
        coin.denom());
    accounts.createIfMissing(store, address);
  }

  private static void set(KvStore store, byte[] address, BigInteger amount, String denom) {
    if (amount.signum() == 0) {
      store.delete(key(address, denom));
    } else {
      store.set(key(address, denom), amount.toString().getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Override
  public void send(MsgContext context, byte[] from, byte[] to, List<Coin> coins)
      throws ChainException {
    KvStore store = context.store();
    for (Coin coin : coins) {
      Coin have = balance(store, from, coin.denom());
      if (have.amount().compareTo(coin.amount()) < 0) {
        throw SdkErrors.INSUFFICIENT_FUNDS.wrapf(
            "spendable balance %s is smaller than %s", have, coin);
      }
    }
    for (Coin coin : coins) {
      set(
          store,
          from,
          balance(store, from, coin.denom()).amount().subtract(coin.amount()),
          coin.denom());
      set(store, to, balance(store, to, coin.denom()).amount().add(coin.amount()), coin.denom());
    }
    accounts.createIfMissing(store, to);
    String amount = String.join(",", coins.stream().map(Coin::toString).toList());
    String sender = Addresses.bech32(from);
    String recipient = Addresses.bech32(to);
    context.emit(Event.of("coin_spent", "spender", sender, "amount", amount));
    context.emit(Event.of("coin_received", "receiver", recipient, "amount", amount));
    context.emit(Event.of("transfer", "recipient", recipient, "sender", sender, "amount", amount));
    context.emit(Event.of("message", "sender", sender));
  }
}
