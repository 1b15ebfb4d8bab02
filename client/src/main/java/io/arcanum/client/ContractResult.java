package io.arcanum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What a contract call (instantiate or execute) gives back: the contract's output {@code data} and
 * the tx result, both decrypted with the sender's key (secretjs-api.md §6.1).
 */
public interface ContractResult {
  /** What the contract returned, decrypted (often empty for instantiate). */
  ByteString data();

  /** The whole tx result. */
  TxResponse response();

  /** {@link #data} as UTF-8 text. */
  default String dataText() {
    return data().toString(StandardCharsets.UTF_8);
  }

  /** {@link #data} as JSON, if it is. */
  default Optional<JsonNode> dataJson() {
    return data().isEmpty() ? Optional.empty() : ContractJson.parse(dataText());
  }

  /** The contract's {@code wasm} attributes, decrypted. */
  default List<LogEntry> logs() {
    return response().wasmAttributes(0);
  }
}
