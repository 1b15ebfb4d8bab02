package io.arcanum.chain.bank;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.chain.state.KvStore;
import java.util.List;

/** What other modules may do with balances (the SDK's {@code bankkeeper.Keeper} subset). */
public interface Bank {

  /** The balance of {@code denom} at {@code address} (zero when there is none). */
  Coin balance(KvStore store, byte[] address, String denom);

  /** All non-zero balances of {@code address}, sorted by denom. */
  List<Coin> balances(KvStore store, byte[] address);

  /**
   * Moves {@code coins} (sorted by denom, each positive) from one account to another in {@code
   * context}'s state, creating the receiving account if missing, and emits the SDK's {@code
   * coin_spent}, {@code coin_received}, {@code transfer} and {@code message{sender}} events.
   *
   * @throws ChainException {@code sdk} 5 "spendable balance X is smaller than Y: insufficient
   *     funds" if the sender lacks them; {@code sdk} 10 for invalid coins
   */
  void send(MsgContext context, byte[] from, byte[] to, List<Coin> coins) throws ChainException;
}
