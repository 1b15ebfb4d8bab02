package io.arcanum.client;

import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import java.util.List;
import java.util.Objects;

/**
 * {@code /cosmos.bank.v1beta1.MsgSend} from the wallet to {@code toAddress}.
 *
 * @param toAddress a bech32 account address of the client's prefix
 * @param amount one or more coins
 */
public record BankSend(String toAddress, List<Coin> amount) implements TxMsg {
  public BankSend {
    Objects.requireNonNull(toAddress, "toAddress");
    amount = List.copyOf(amount);
    if (amount.isEmpty()) {
      throw new IllegalArgumentException("a bank send needs an amount");
    }
  }
}
