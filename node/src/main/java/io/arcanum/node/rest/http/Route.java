package io.arcanum.node.rest.http;

import java.util.List;
import java.util.Objects;

/**
 * One served route: an HTTP method and a path template such as {@code
 * /cosmos/auth/v1beta1/accounts/{address}} (as in the upstream {@code google.api.http} annotations
 * and the OpenAPI document), and its handler.
 */
public record Route(String method, String template, Handler handler) {

  /** Answers one request; throws {@link ApiException} for an error answer. */
  @FunctionalInterface
  public interface Handler {
    RestResponse handle(RestRequest request) throws InterruptedException, java.io.IOException;
  }

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(handler, "handler");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a template starts with /: " + template);
    }
  }

  public static Route get(String template, Handler handler) {
    return new Route("GET", template, handler);
  }

  public static Route post(String template, Handler handler) {
    return new Route("POST", template, handler);
  }

  /** The template's segments; {@code {name}} segments are parameters. */
  public List<String> segments() {
    return List.of(template.substring(1).split("/", -1));
  }

  static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  /** {@code "GET /cosmos/..."}, as the OpenAPI check compares routes. */
  public String key() {
    return method + " " + template;
  }
}
