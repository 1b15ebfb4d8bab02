package io.arcanum.chain.auth;

import io.arcanum.chain.state.KvKeys;
import java.nio.charset.StandardCharsets;

/**
 * The auth module's key layout (docs/chain.md "Key layout"). Every key starts with {@code auth/},
 * so modules sharing the one store cannot collide.
 *
 * <ul>
 *   <li>{@code auth/a/ ‖ len(addr) ‖ addr} → {@code Any} of BaseAccount or ModuleAccount
 *   <li>{@code auth/n} → the next account number, 8 bytes big-endian
 *   <li>{@code auth/p} → {@code cosmos.auth.v1beta1.Params}
 * </ul>
 */
final class AuthKeys {
  private AuthKeys() {}

  static final byte[] ACCOUNTS = ascii("auth/a/");
  static final byte[] NEXT_ACCOUNT_NUMBER = ascii("auth/n");
  static final byte[] PARAMS = ascii("auth/p");

  static byte[] account(byte[] address) {
    return KvKeys.concat(ACCOUNTS, new byte[] {(byte) address.length}, address);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
