package io.arcanum.chain.auth;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.address.CosmosAddress;

/** Bech32 account addresses under the chain's prefix, with the SDK's error for bad ones. */
public final class Addresses {
  private final String prefix;

  public Addresses(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  public String format(byte[] address) {
    return new CosmosAddress(address).toBech32(prefix);
  }

  /**
   * Parses {@code text} as a 20-byte address with this chain's prefix.
   *
   * @param what names the field in the error, e.g. {@code "from address"}
   * @throws ChainException {@code sdk} 7 "invalid {what}: {reason}: invalid address"
   */
  public byte[] parse(String text, String what) throws ChainException {
    if (text == null || text.isEmpty()) {
      throw SdkErrors.INVALID_ADDRESS.wrap(
          "invalid " + what + ": empty address string is not allowed");
    }
    try {
      return CosmosAddress.parse(prefix, text).bytes();
    } catch (CryptoException e) {
      throw SdkErrors.INVALID_ADDRESS.wrap("invalid " + what + " " + text + ": " + e.getMessage());
    }
  }
}
