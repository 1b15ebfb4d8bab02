package io.arcanum.enclave.api;

import java.util.Arrays;
import java.util.Base64;

/**
 * The public keys the network publishes (protocol.md §2): the seed-exchange key (NodeExchMasterKey,
 * genesis {@code register.node_exch_key}) and the IO exchange key (IoExchMasterKey, genesis {@code
 * register.io_exch_key}, served as the tx key), both X25519.
 */
public record NetworkPublicKeys(byte[] seedExchangeKey, byte[] ioExchangeKey) {
  public static final int KEY_LENGTH = 32;

  public NetworkPublicKeys {
    check("seed-exchange public key", seedExchangeKey);
    check("IO exchange public key", ioExchangeKey);
    seedExchangeKey = seedExchangeKey.clone();
    ioExchangeKey = ioExchangeKey.clone();
  }

  private static void check(String what, byte[] key) {
    if (key == null || key.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          what + " must be " + KEY_LENGTH + " bytes, got " + (key == null ? "null" : key.length));
    }
  }

  @Override
  public byte[] seedExchangeKey() {
    return seedExchangeKey.clone();
  }

  @Override
  public byte[] ioExchangeKey() {
    return ioExchangeKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NetworkPublicKeys that
        && Arrays.equals(seedExchangeKey, that.seedExchangeKey)
        && Arrays.equals(ioExchangeKey, that.ioExchangeKey);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(seedExchangeKey) + Arrays.hashCode(ioExchangeKey);
  }

  @Override
  public String toString() {
    Base64.Encoder b64 = Base64.getEncoder();
    return "NetworkPublicKeys[node_exch_key="
        + b64.encodeToString(seedExchangeKey)
        + ", io_exch_key="
        + b64.encodeToString(ioExchangeKey)
        + "]";
  }
}
