package io.arcanum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Views of a contract's output {@code data} (decrypted bytes, usually JSON). */
final class ContractData {
  private ContractData() {}

  static String text(ByteString data) {
    return data.toString(StandardCharsets.UTF_8);
  }

  static Optional<JsonNode> json(ByteString data) {
    return data.isEmpty() ? Optional.empty() : ContractJson.parse(text(data));
  }
}
