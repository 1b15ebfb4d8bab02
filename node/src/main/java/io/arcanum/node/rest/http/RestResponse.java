package io.arcanum.node.rest.http;

import java.util.Map;
import java.util.Objects;

/**
 * An answer: an HTTP status, a JSON body (always JSON, errors too) and extra headers.
 *
 * @param body the JSON text
 */
public record RestResponse(int status, String body, Map<String, String> headers) {
  public RestResponse {
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /** 200 with {@code json}. */
  public static RestResponse ok(String json) {
    return new RestResponse(200, json, Map.of());
  }

  /** This answer with one more header. */
  public RestResponse withHeader(String name, String value) {
    java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new RestResponse(status, body, more);
  }
}
