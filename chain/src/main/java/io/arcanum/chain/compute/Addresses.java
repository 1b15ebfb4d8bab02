package io.arcanum.chain.compute;

import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bech32.InvalidBech32Exception;
import java.nio.ByteBuffer;

/** Addresses as the compute module derives, checks and prints them. */
public final class Addresses {
  private Addresses() {}

  public static final String PREFIX = CosmosAddress.SECRET_PREFIX;

  /**
   * A new contract's address (secretjs-api.md §5, Secret's {@code keeper.contractAddress}): {@code
   * RIPEMD160(SHA256(BE64((code_id << 32) + instance_id) ‖ creator))}.
   */
  public static byte[] contract(long codeId, long instanceId, byte[] creator) {
    byte[] id = ByteBuffer.allocate(8).putLong((codeId << 32) + instanceId).array();
    return CosmosAddress.hashOf(id, creator).bytes();
  }

  /** {@code secret1…} of 20 raw bytes. */
  public static String bech32(byte[] address) {
    return new CosmosAddress(address).toBech32(PREFIX);
  }

  /**
   * Parses a {@code secret1…} address.
   *
   * @param field what the address is, for the error ("sender", "contract")
   * @throws ChainException {@code sdk} 7 naming the field and what is wrong
   */
  public static byte[] parse(String text, String field) throws ChainException {
    if (text == null || text.isEmpty()) {
      throw SdkErrors.INVALID_ADDRESS.wrap(field + " address is empty");
    }
    try {
      return CosmosAddress.parse(PREFIX, text).bytes();
    } catch (InvalidBech32Exception e) {
      throw SdkErrors.INVALID_ADDRESS.wrap(field + " \"" + text + "\": " + e.getMessage());
    }
  }

  /**
   * Checks a raw address field of a message (store, instantiate and execute carry raw bytes).
   *
   * @throws ChainException {@code sdk} 7 unless it is 20 bytes
   */
  public static byte[] requireRaw(byte[] address, String field) throws ChainException {
    if (address.length == 0) {
      throw SdkErrors.INVALID_ADDRESS.wrap(field + " address is empty");
    }
    if (address.length != CosmosAddress.LENGTH) {
      throw SdkErrors.INVALID_ADDRESS.wrap(
          field + " must be " + CosmosAddress.LENGTH + " bytes, got " + address.length);
    }
    return address;
  }
}
