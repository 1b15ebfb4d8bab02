package io.arcanum.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Contract messages as JSON text. secret.js encrypts {@code JSON.stringify(msg)} (secretjs-api.md
 * §7): the caller's key order, no whitespace. A {@link JsonNode}, a {@code Map} or any object
 * Jackson can write is written that way; a {@code String} is taken as the JSON text itself, after
 * checking that it is JSON. Errors give the position, never the text (it may hold secrets such as
 * viewing keys).
 */
final class ContractJson {
  // Trailing text after the JSON value is an error, not ignored.
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ContractJson() {}

  /**
   * @param what names the message in errors, e.g. {@code "init msg"}
   * @throws IllegalArgumentException if {@code msg} is missing, not JSON, or not writable as JSON
   */
  static String write(Object msg, String what) {
    if (msg == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    try {
      if (msg instanceof String text) {
        JsonNode parsed = MAPPER.readTree(text);
        if (parsed == null || parsed.isMissingNode()) {
          throw new IllegalArgumentException(what + " is empty; it must be JSON");
        }
        return text;
      }
      return MAPPER.writeValueAsString(msg);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException(
          what
              + (msg instanceof String
                  ? " is not valid JSON"
                      + (at == null
                          ? ""
                          : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                  : " of type " + msg.getClass().getName() + " cannot be written as JSON"));
    }
  }

  /** Parses text the SDK decrypted; empty if it is not JSON. */
  static Optional<JsonNode> parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
