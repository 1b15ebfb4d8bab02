package io.arcanum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;

/**
 * A new contract.
 *
 * @param contractAddress its bech32 address
 * @param data what {@code instantiate} returned, decrypted (often empty)
 * @param response the whole tx result
 */
public record InstantiateResult(String contractAddress, ByteString data, TxResponse response) {
  /** {@link #data} as UTF-8 text. */
  public String dataText() {
    return ContractData.text(data);
  }

  /** {@link #data} as JSON, if it is. */
  public Optional<JsonNode> dataJson() {
    return ContractData.json(data);
  }

  /** The contract's {@code wasm} attributes, decrypted. */
  public List<LogEntry> logs() {
    return response.wasmAttributes(0);
  }

  @Override
  public String toString() {
    return "InstantiateResult[" + contractAddress + ", " + response + "]";
  }
}
