package io.arcanum.chain.bank;

import io.arcanum.chain.state.KvKeys;
import java.nio.charset.StandardCharsets;

/**
 * The bank module's key layout (docs/chain.md "Key layout"); amounts are decimal ASCII, as the SDK
 * stores {@code math.Int}. A zero balance is deleted, never stored.
 *
 * <ul>
 *   <li>{@code bank/b/ ‖ len(addr) ‖ addr ‖ denom} → balance
 *   <li>{@code bank/s/ ‖ denom} → total supply
 * </ul>
 */
final class BankKeys {
  private BankKeys() {}

  static final byte[] BALANCES = ascii("bank/b/");
  static final byte[] SUPPLY = ascii("bank/s/");

  static byte[] balances(byte[] address) {
    return KvKeys.concat(BALANCES, new byte[] {(byte) address.length}, address);
  }

  static byte[] balance(byte[] address, String denom) {
    return KvKeys.concat(balances(address), ascii(denom));
  }

  static byte[] supply(String denom) {
    return KvKeys.concat(SUPPLY, ascii(denom));
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
