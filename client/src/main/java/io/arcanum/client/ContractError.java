package io.arcanum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A contract's error, decrypted (secretjs-api.md §6.1 step 3, §3 E8): the node only saw {@code
 * encrypted: <b64>}, which opens with the failing message's nonce.
 *
 * @param messageIndex the failing message ({@code 0} for a query)
 * @param message the decrypted error text, e.g. {@code {"generic_err":{"msg":"…"}}} or, for
 *     CosmWasm 1.x contracts, the error string itself
 * @param rawLog the node's raw log with the ciphertext replaced by {@code message}, as secret.js
 *     shows it
 */
public record ContractError(int messageIndex, String message, String rawLog) {
  /** The error as JSON, when it is JSON (secret.js's {@code jsonLog}). */
  public Optional<JsonNode> json() {
    return ContractJson.parse(message);
  }

  /**
   * The message inside a {@code generic_err} (or any {@code {"<kind>": {"msg": …}}}), else the
   * whole error text.
   */
  public String text() {
    return json()
        .filter(JsonNode::isObject)
        .filter(j -> j.size() == 1)
        .map(j -> j.elements().next().path("msg"))
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .orElse(message);
  }

  @Override
  public String toString() {
    return "ContractError[message " + messageIndex + ", " + message.length() + " chars, redacted]";
  }
}
