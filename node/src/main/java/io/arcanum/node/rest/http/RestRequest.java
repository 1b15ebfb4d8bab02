package io.arcanum.node.rest.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request as a route sees it: the path parameters its template bound (percent-decoded), the
 * query parameters (form-decoded, as Go's {@code url.ParseQuery}: {@code +} is a space), the
 * headers (lower-case names) and the body bytes (read whatever the Content-Type).
 */
public final class RestRequest {
  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final byte[] body;

  public RestRequest(
      String method,
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body) {
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.pathParams = Map.copyOf(pathParams);
    Map<String, List<String>> q = new LinkedHashMap<>();
    query.forEach((k, v) -> q.put(k, List.copyOf(v)));
    this.query = java.util.Collections.unmodifiableMap(q);
    Map<String, String> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
    this.headers = java.util.Collections.unmodifiableMap(h);
    this.body = body == null ? new byte[0] : body.clone();
  }

  /** A GET without query, headers or body (tests, internal calls). */
  public static RestRequest get(String path, Map<String, String> pathParams) {
    return new RestRequest("GET", path, pathParams, Map.of(), Map.of(), null);
  }

  public String method() {
    return method;
  }

  /** The request path as sent (not decoded). */
  public String path() {
    return path;
  }

  /** The decoded value of path parameter {@code name} of the route's template. */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the route has no path parameter " + name);
    }
    return value;
  }

  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** Every query parameter with its values in order. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** The last value of query parameter {@code name}, or null. */
  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }

  /** A header's value, or null; {@code name} in any case. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Splits a raw query string into decoded parameters. */
  public static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = formDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String formDecode(String text) {
    try {
      return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidArgument("malformed percent-encoding in the query string: " + text);
    }
  }

  /** Decodes one path segment: {@code %XX} escapes as UTF-8; {@code +} stays a plus sign. */
  public static String decodeSegment(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < segment.length()) {
      if (segment.charAt(i) == '%') {
        int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
        int lo = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw ApiException.invalidArgument("malformed percent-encoding in the path: " + segment);
        }
        out.write(hi * 16 + lo);
        i += 3;
      } else {
        int next = segment.indexOf('%', i);
        int end = next < 0 ? segment.length() : next;
        out.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
