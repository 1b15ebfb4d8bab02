package io.arcanum.client;

import com.google.protobuf.ByteString;

/**
 * A new contract.
 *
 * @param contractAddress its bech32 address
 * @param data what {@code instantiate} returned, decrypted (often empty)
 * @param response the whole tx result
 */
public record InstantiateResult(String contractAddress, ByteString data, TxResponse response)
    implements ContractResult {
  @Override
  public String toString() {
    return "InstantiateResult[" + contractAddress + ", " + response + "]";
  }
}
