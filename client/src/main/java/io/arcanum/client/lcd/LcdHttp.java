package io.arcanum.client.lcd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The HTTP side of the LCD client: GET with URL-encoded parameters and POST with a JSON body
 * (secretjs-api.md §1), both answered with JSON; a non-2xx answer becomes an {@link LcdException}
 * carrying the gateway's {@code code} and {@code message}.
 */
final class LcdHttp {
  private static final int MAX_BODY_IN_ERROR = 200;

  private final HttpClient http;
  private final String base;
  private final Duration timeout;
  private final Map<String, String> headers;
  private final ObjectMapper json;

  LcdHttp(
      HttpClient http,
      URI baseUrl,
      Duration timeout,
      Map<String, String> headers,
      ObjectMapper json) {
    this.http = http;
    String text = baseUrl.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.timeout = timeout;
    this.headers = Map.copyOf(headers);
    this.json = json;
  }

  String base() {
    return base;
  }

  /** GET {@code path?params}; parameter values are percent-encoded as URLSearchParams does. */
  JsonNode get(String path, Map<String, String> params) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    params.forEach(
        (name, value) ->
            query.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return send("GET", path, request(path + query).GET());
  }

  /** POST {@code body} as JSON to {@code path}. */
  JsonNode post(String path, JsonNode body) {
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body cannot be written as JSON", e);
    }
    return send(
        "POST",
        path,
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(timeout)
            .header("Accept", "application/json");
    headers.forEach(builder::header);
    return builder;
  }

  private JsonNode send(String method, String path, HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw noResponse(
          method, path, "no answer from " + base + " within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw noResponse(method, path, "cannot reach " + base + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw noResponse(method, path, "interrupted while waiting for " + base, e);
    }
    int status = response.statusCode();
    String body = response.body();
    JsonNode tree = null;
    try {
      tree = json.readTree(body);
    } catch (JsonProcessingException notJson) {
      // handled below: success needs JSON, and an error body may be plain text
    }
    if (status / 100 == 2) {
      if (tree == null || !tree.isObject()) {
        throw new LcdException(
            method,
            path,
            status,
            LcdException.NO_CODE,
            "",
            "answer is not a JSON object: " + clip(body),
            null);
      }
      return tree;
    }
    if (tree != null && tree.isObject() && tree.has("message")) {
      int code = tree.path("code").isInt() ? tree.get("code").intValue() : LcdException.NO_CODE;
      String message = tree.get("message").asText();
      return throwError(method, path, status, code, message, message);
    }
    return throwError(
        method, path, status, LcdException.NO_CODE, "", "error answer: " + clip(body));
  }

  private static JsonNode throwError(
      String method, String path, int status, int code, String message, String detail) {
    throw new LcdException(method, path, status, code, message, detail, null);
  }

  /** The request got no HTTP answer at all (no status, no gRPC code, no body). */
  private static LcdException noResponse(
      String method, String path, String detail, Exception cause) {
    return new LcdException(
        method, path, LcdException.NO_RESPONSE, LcdException.NO_CODE, "", detail, cause);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  private static String clip(String body) {
    String flat = body.replaceAll("\\s+", " ").strip();
    if (flat.isEmpty()) {
      return "(empty body)";
    }
    return flat.length() <= MAX_BODY_IN_ERROR ? flat : flat.substring(0, MAX_BODY_IN_ERROR) + "…";
  }

  /** Percent-encodes one path segment (addresses and hashes pass unchanged). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
