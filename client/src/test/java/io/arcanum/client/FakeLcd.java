package io.arcanum.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny LCD for tests on the JDK's HTTP server: routes answer with canned or computed JSON, and
 * every request is recorded (method, path, raw query, headers, body) so tests can check what the
 * client sent. Unrouted requests get 501 with a gateway-style JSON body.
 */
public final class FakeLcd implements AutoCloseable {
  /** A request as the server saw it. */
  public record Request(
      String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
    /** A query parameter, percent-decoded; null if absent. */
    public String param(String name) {
      if (rawQuery == null) {
        return null;
      }
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        if (key.equals(name)) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }

    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    /** {@code "GET /path"}. */
    public String line() {
      return method + " " + path;
    }
  }

  /** An answer: status and JSON (or any) text. */
  public record Answer(int status, String body) {
    public static Answer ok(String json) {
      return new Answer(200, json);
    }

    /** The gateway's error body {@code {"code", "message", "details": []}}. */
    public static Answer error(int status, int grpcCode, String message) {
      com.fasterxml.jackson.databind.node.ObjectNode body =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      body.put("code", grpcCode).put("message", message).putArray("details");
      return new Answer(status, body.toString());
    }
  }

  private record Route(
      String method, String path, boolean prefix, Function<Request, Answer> handler) {}

  private final HttpServer server;
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeLcd() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code method path} (exact path, without query). Later routes win. */
  public FakeLcd on(String method, String path, Function<Request, Answer> handler) {
    routes.add(0, new Route(method, path, false, handler));
    return this;
  }

  /** Answers every path under {@code prefix}. Later routes win. */
  public FakeLcd onPrefix(String method, String prefix, Function<Request, Answer> handler) {
    routes.add(0, new Route(method, prefix, true, handler));
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** {@code "GET /path"} of every request so far. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    requests.forEach(r -> out.add(r.line()));
    return out;
  }

  public void clearRequests() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              headers,
              body);
      requests.add(request);
      Answer answer = null;
      for (Route route : routes) {
        boolean matches =
            route.method().equals(request.method())
                && (route.prefix()
                    ? request.path().startsWith(route.path())
                    : request.path().equals(route.path()));
        if (matches) {
          try {
            answer = route.handler().apply(request);
          } catch (RuntimeException e) {
            answer = new Answer(500, "{\"code\":2,\"message\":\"fake LCD failed: " + e + "\"}");
          }
          break;
        }
      }
      if (answer == null) {
        answer = new Answer(501, "{\"code\":12,\"message\":\"Not Implemented\",\"details\":[]}");
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      // The JDK server drops a kept-alive connection after an error answer, and Node reuses it
      // ("socket hang up"); one connection per request avoids that.
      exchange.getResponseHeaders().set("Connection", "close");
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
