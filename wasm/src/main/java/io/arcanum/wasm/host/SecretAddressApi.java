package io.arcanum.wasm.host;

import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.crypto.bech32.Bech32Data;
import io.arcanum.crypto.bech32.InvalidBech32Exception;

/**
 * Secret's address rules (cosmwasm-abi.md §2.3): bech32 with prefix {@code secret}; canonicalize
 * trims whitespace and requires the prefix; validate decodes any bech32 string, re-encodes it with
 * {@code secret} and requires the result to equal the input exactly (so upper case and other
 * prefixes are refused).
 */
public final class SecretAddressApi implements AddressApi {
  private final String prefix;

  public SecretAddressApi() {
    this("secret");
  }

  public SecretAddressApi(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public byte[] canonicalize(String human) throws AddressException {
    String trimmed = human.strip();
    if (trimmed.isEmpty()) {
      throw new AddressException("Input is empty");
    }
    Bech32Data decoded = decode(trimmed);
    if (!decoded.hrp().equals(prefix)) {
      throw new AddressException(
          "Wrong address prefix: expected '" + prefix + "', got '" + decoded.hrp() + "'");
    }
    byte[] canonical = decoded.bytes();
    if (canonical.length == 0) {
      throw new AddressException("Invalid canonical address length: 0");
    }
    return canonical;
  }

  @Override
  public String humanize(byte[] canonical) throws AddressException {
    if (canonical.length == 0) {
      throw new AddressException("Invalid canonical address length: 0");
    }
    try {
      return Bech32.encodeBytes(prefix, canonical);
    } catch (InvalidBech32Exception e) {
      throw new AddressException("Cannot humanize address: " + e.getMessage());
    }
  }

  @Override
  public void validate(String human) throws AddressException {
    Bech32Data decoded = decode(human);
    String normalized = humanize(decoded.bytes());
    if (!normalized.equals(human)) {
      throw new AddressException("Address is not normalized: expected " + normalized);
    }
  }

  private static Bech32Data decode(String human) throws AddressException {
    try {
      return Bech32.decode(human);
    } catch (InvalidBech32Exception e) {
      throw new AddressException("Invalid bech32 address: " + e.getMessage());
    }
  }
}
