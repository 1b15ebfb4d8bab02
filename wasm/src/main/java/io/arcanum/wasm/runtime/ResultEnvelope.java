package io.arcanum.wasm.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.arcanum.wasm.CallResult;
import io.arcanum.wasm.FailureKind;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the result Region's envelope (cosmwasm-abi.md §3.7): {@code {"Ok":…}} or {@code {"Err":…}}
 * (0.10 and Secret's fork), {@code {"ok":…}} or {@code {"error":…}} (upstream 1.x). A query's Ok is
 * a base64 string, decoded here; other entry points' Ok is the Response object. Anything else is a
 * MALFORMED_RESULT naming what was wrong.
 */
final class ResultEnvelope {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private ResultEnvelope() {}

  /** Top-level Response fields per generation; the enclave denies others (§4.2). */
  private static final java.util.Set<String> V1_FIELDS =
      java.util.Set.of("messages", "attributes", "events", "data");

  private static final java.util.Set<String> V010_FIELDS =
      java.util.Set.of("messages", "log", "data");

  static CallResult parse(
      byte[] bytes, boolean query, io.arcanum.wasm.ApiProfile profile, long gasUsed) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      return malformed("result is not JSON: " + firstLine(e), gasUsed);
    }
    if (root == null || !root.isObject() || root.size() != 1) {
      return malformed("result must be an object with exactly one of Ok/Err/ok/error", gasUsed);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    Map.Entry<String, JsonNode> field = fields.next();
    JsonNode value = field.getValue();
    switch (field.getKey()) {
      case "Ok", "ok" -> {
        return query ? queryAnswer(value, gasUsed) : response(value, profile, gasUsed);
      }
      case "Err", "error" -> {
        return CallResult.contractError(
            value.isTextual() ? value.asText() : value.toString(), gasUsed);
      }
      default -> {
        return malformed("unknown result variant '" + field.getKey() + "'", gasUsed);
      }
    }
  }

  private static CallResult queryAnswer(JsonNode value, long gasUsed) {
    if (!value.isTextual()) {
      return malformed("query result must be a base64 string", gasUsed);
    }
    try {
      return CallResult.ok(Base64.getDecoder().decode(value.asText()), gasUsed);
    } catch (IllegalArgumentException e) {
      return malformed("query result is not base64: " + e.getMessage(), gasUsed);
    }
  }

  private static CallResult response(
      JsonNode value, io.arcanum.wasm.ApiProfile profile, long gasUsed) {
    if (!value.isObject()) {
      return malformed("Ok must hold a response object", gasUsed);
    }
    java.util.Set<String> allowed =
        profile == io.arcanum.wasm.ApiProfile.V010 ? V010_FIELDS : V1_FIELDS;
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        return malformed(
            "unknown field '"
                + name
                + "' in the response; allowed: "
                + allowed.stream().sorted().toList(),
            gasUsed);
      }
    }
    try {
      return CallResult.ok(JSON.writeValueAsBytes(value), gasUsed);
    } catch (JsonProcessingException e) {
      return malformed("response cannot be re-serialised: " + firstLine(e), gasUsed);
    }
  }

  private static CallResult malformed(String message, long gasUsed) {
    return CallResult.failed(FailureKind.MALFORMED_RESULT, message, gasUsed);
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
