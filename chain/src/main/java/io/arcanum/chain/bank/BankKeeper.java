package io.arcanum.chain.bank;

import io.arcanum.chain.abci.Event;
import io.arcanum.chain.auth.AccountKeeper;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.KvStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bank module's keeper: balances per address and denom, total supply, and transfers with the
 * events of Cosmos SDK v0.50's {@code x/bank} ({@code coin_spent}, {@code coin_received}, {@code
 * transfer}, {@code message{sender}}).
 */
public final class BankKeeper implements Bank {
  private final AccountKeeper accounts;

  public BankKeeper(AccountKeeper accounts) {
    this.accounts = accounts;
  }

  @Override
  public Coin balance(KvStore store, byte[] address, String denom) {
    byte[] stored = store.get(BankKeys.balance(address, denom));
    return new Coin(denom, stored == null ? BigInteger.ZERO : amount(stored));
  }

  @Override
  public List<Coin> balances(KvStore store, byte[] address) {
    List<Coin> out = new ArrayList<>();
    int prefixLength = BankKeys.balances(address).length;
    store.scanPrefix(
        BankKeys.balances(address),
        (key, value) -> {
          String denom =
              new String(key, prefixLength, key.length - prefixLength, StandardCharsets.US_ASCII);
          out.add(new Coin(denom, amount(value)));
          return true;
        });
    return out;
  }

  /** The total supply of {@code denom}. */
  public Coin supply(KvStore store, String denom) {
    byte[] stored = store.get(BankKeys.supply(denom));
    return new Coin(denom, stored == null ? BigInteger.ZERO : amount(stored));
  }

  /** The total supply of every denom, sorted by denom. */
  public List<Coin> totalSupply(KvStore store) {
    List<Coin> out = new ArrayList<>();
    store.scanPrefix(
        BankKeys.SUPPLY,
        (key, value) -> {
          String denom =
              new String(
                  key,
                  BankKeys.SUPPLY.length,
                  key.length - BankKeys.SUPPLY.length,
                  StandardCharsets.US_ASCII);
          out.add(new Coin(denom, amount(value)));
          return true;
        });
    return out;
  }

  /**
   * Whether {@code address} may not receive funds by a bank message: module accounts, as the SDK's
   * {@code BlockedAddr} (fees reach the fee collector through the ante handler, not a message).
   */
  public boolean isBlocked(byte[] address) {
    return Arrays.equals(address, AccountKeeper.moduleAddress(AccountKeeper.FEE_COLLECTOR));
  }

  @Override
  public void send(MsgContext context, byte[] from, byte[] to, List<Coin> coins)
      throws ChainException {
    if (!Coins.isValid(coins) || coins.isEmpty()) {
      throw SdkErrors.INVALID_COINS.wrap(Coins.format(coins));
    }
    KvStore store = context.store();
    String amount = Coins.format(coins);
    String sender = accounts.addresses().format(from);
    String recipient = accounts.addresses().format(to);
    subtract(store, from, coins);
    context.emit(Event.of("coin_spent", "spender", sender, "amount", amount));
    add(store, to, coins);
    context.emit(Event.of("coin_received", "receiver", recipient, "amount", amount));
    accounts.createIfMissing(store, to);
    context.emit(Event.of("transfer", "recipient", recipient, "sender", sender, "amount", amount));
    context.emit(Event.of("message", "sender", sender));
  }

  /** One output of {@link #inputOutput}. */
  public record Output(byte[] address, List<Coin> coins) {}

  /**
   * Moves coins from one input to several outputs ({@code InputOutputCoins} of MsgMultiSend); the
   * caller has checked that inputs and outputs match.
   */
  public void inputOutput(MsgContext context, byte[] from, List<Coin> in, List<Output> outputs)
      throws ChainException {
    KvStore store = context.store();
    String sender = accounts.addresses().format(from);
    subtract(store, from, in);
    context.emit(Event.of("coin_spent", "spender", sender, "amount", Coins.format(in)));
    context.emit(Event.of("message", "sender", sender));
    for (Output out : outputs) {
      String recipient = accounts.addresses().format(out.address());
      String amount = Coins.format(out.coins());
      add(store, out.address(), out.coins());
      context.emit(Event.of("coin_received", "receiver", recipient, "amount", amount));
      context.emit(Event.of("transfer", "recipient", recipient, "amount", amount));
      accounts.createIfMissing(store, out.address());
    }
  }

  /** Creates coins at {@code address} and adds them to the supply (genesis balances). */
  public void mint(KvStore store, byte[] address, List<Coin> coins) {
    add(store, address, coins);
    for (Coin coin : coins) {
      BigInteger total = supply(store, coin.denom()).amount().add(coin.amount());
      store.set(BankKeys.supply(coin.denom()), ascii(total));
    }
  }

  private void subtract(KvStore store, byte[] address, List<Coin> coins) throws ChainException {
    for (Coin coin : coins) {
      Coin balance = balance(store, address, coin.denom());
      if (balance.amount().compareTo(coin.amount()) < 0) {
        throw SdkErrors.INSUFFICIENT_FUNDS.wrapf(
            "spendable balance %s is smaller than %s", balance, coin);
      }
      setBalance(store, address, new Coin(coin.denom(), balance.amount().subtract(coin.amount())));
    }
  }

  private void add(KvStore store, byte[] address, List<Coin> coins) {
    for (Coin coin : coins) {
      Coin balance = balance(store, address, coin.denom());
      setBalance(store, address, new Coin(coin.denom(), balance.amount().add(coin.amount())));
    }
  }

  private static void setBalance(KvStore store, byte[] address, Coin balance) {
    byte[] key = BankKeys.balance(address, balance.denom());
    if (balance.isZero()) {
      store.delete(key);
    } else {
      store.set(key, ascii(balance.amount()));
    }
  }

  private static BigInteger amount(byte[] stored) {
    return new BigInteger(new String(stored, StandardCharsets.US_ASCII));
  }

  private static byte[] ascii(BigInteger amount) {
    return amount.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
