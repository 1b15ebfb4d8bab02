package io.arcanum.node.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.MessageOrBuilder;
import io.arcanum.proto.ProtoJson;

/**
 * JSON for answers the gateway way (secretjs-api.md §1): protobuf messages through {@link
 * ProtoJson}, hand-built objects with the same conventions (64-bit integers as strings, defaults
 * present), and the error body {@code {"code": <gRPC code>, "message": "…", "details": []}}.
 */
public final class RestJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private RestJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A protobuf message as the gateway prints it. */
  public static String print(MessageOrBuilder message) {
    return ProtoJson.print(message);
  }

  /** A protobuf message as a tree, for answers that adjust the printed JSON. */
  public static ObjectNode tree(MessageOrBuilder message) {
    try {
      return (ObjectNode) MAPPER.readTree(ProtoJson.print(message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("ProtoJson printed invalid JSON", e);
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The gateway's error body. */
  public static String error(GrpcStatus status, String message) {
    ObjectNode body = object();
    body.put("code", status.code());
    body.put("message", message);
    body.putArray("details");
    return write(body);
  }
}
