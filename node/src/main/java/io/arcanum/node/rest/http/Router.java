package io.arcanum.node.rest.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the route of a request path. A literal segment beats a parameter at the same position
 * ({@code /blocks/latest} before {@code /blocks/{height}}), as in grpc-gateway. A path no template
 * matches is 404 {@code "Not Found"}; a path matched only under other methods is 405 with {@code
 * Allow}.
 */
public final class Router {
  /** A matched route and the decoded values of its parameters. */
  public record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes;

  public Router(List<Route> routes) {
    Set<String> keys = new LinkedHashSet<>();
    for (Route route : routes) {
      if (!keys.add(route.key())) {
        throw new IllegalArgumentException("two routes for " + route.key());
      }
    }
    List<Route> sorted = new ArrayList<>(routes);
    sorted.sort(Comparator.comparing(Router::specificity));
    this.routes = List.copyOf(sorted);
  }

  /** Every route, most specific first. */
  public List<Route> routes() {
    return routes;
  }

  /**
   * The route for {@code method} and the raw (not decoded) {@code path}.
   *
   * @throws ApiException 404 or 405, or 400 for malformed percent-encoding
   */
  public Match match(String method, String path) {
    List<String> segments = List.of(path.substring(1).split("/", -1));
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      Map<String, String> params = bind(route.segments(), segments);
      if (params == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Match(route, params);
      }
      allowed.add(route.method());
    }
    if (!allowed.isEmpty()) {
      allowed.add("OPTIONS");
      throw new ApiException(
          GrpcStatus.UNIMPLEMENTED,
          405,
          "Method Not Allowed",
          Map.of("Allow", String.join(", ", allowed)));
    }
    throw ApiException.notFound("Not Found");
  }

  private static Map<String, String> bind(List<String> template, List<String> path) {
    if (template.size() != path.size()) {
      return null;
    }
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      if (!Route.isParameter(t) && !t.equals(path.get(i))) {
        return null;
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      if (Route.isParameter(t)) {
        String value = RestRequest.decodeSegment(path.get(i));
        if (value.isEmpty()) {
          return null; // "/accounts/" is not "/accounts/{address}"
        }
        params.put(t.substring(1, t.length() - 1), value);
      }
    }
    return params;
  }

  /** Sorts literal segments before parameters, position by position. */
  private static String specificity(Route route) {
    StringBuilder key = new StringBuilder();
    for (String segment : route.segments()) {
      key.append(Route.isParameter(segment) ? '1' : '0');
    }
    return key.toString();
  }
}
