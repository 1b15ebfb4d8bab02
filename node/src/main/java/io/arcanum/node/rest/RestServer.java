package io.arcanum.node.rest;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.arcanum.node.rest.http.ApiException;
import io.arcanum.node.rest.http.GrpcStatus;
import io.arcanum.node.rest.http.RestJson;
import io.arcanum.node.rest.http.RestRequest;
import io.arcanum.node.rest.http.RestResponse;
import io.arcanum.node.rest.http.Route;
import io.arcanum.node.rest.http.Router;
import io.arcanum.node.rest.routes.AuthBankRoutes;
import io.arcanum.node.rest.routes.ComputeRoutes;
import io.arcanum.node.rest.routes.FollowRoutes;
import io.arcanum.node.rest.routes.OpenApiRoutes;
import io.arcanum.node.rest.routes.QueryRoute;
import io.arcanum.node.rest.routes.RegistrationRoutes;
import io.arcanum.node.rest.routes.TendermintRoutes;
import io.arcanum.node.rest.routes.TxRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's LCD: the REST routes secret.js 1.22 uses, with gRPC-gateway's JSON and error rules
 * (secretjs-api.md §1, §3; docs/rest.md), on the JDK's HTTP server with a virtual thread per
 * request. Every answer is JSON (errors {@code {"code","message","details"}}); every answer carries
 * CORS headers for browsers, and {@code OPTIONS} answers a preflight for any path. Bodies are read
 * whatever their Content-Type, up to {@link RestOptions#maxBodyBytes()}.
 */
public final class RestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

  private static final String ALLOWED_HEADERS =
      "Content-Type, Accept, Authorization, X-Cosmos-Block-Height";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Router router;
  private final int maxBodyBytes;

  private RestServer(HttpServer server, ExecutorService executor, Router router, int maxBody) {
    this.server = server;
    this.executor = executor;
    this.router = router;
    this.maxBodyBytes = maxBody;
  }

  /** Every route the node serves, in the groups of docs/rest.md. */
  public static List<Route> routes(RestChain chain, RestOptions options) {
    List<Route> routes = new ArrayList<>();
    routes.addAll(AuthBankRoutes.routes(chain));
    routes.addAll(TxRoutes.routes(chain, options.blockModeTimeout()));
    routes.addAll(ComputeRoutes.routes(chain));
    routes.addAll(RegistrationRoutes.routes(chain));
    routes.addAll(TendermintRoutes.routes(chain));
    routes.addAll(FollowRoutes.routes(chain));
    routes.addAll(OpenApiRoutes.routes());
    return routes;
  }

  /**
   * Binds {@link RestOptions#address()} and starts serving.
   *
   * @throws IOException if the address cannot be bound (the port is taken)
   */
  public static RestServer start(RestChain chain, RestOptions options) throws IOException {
    Router router = new Router(routes(chain, options));
    HttpServer server = HttpServer.create(options.address(), 0);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    RestServer rest = new RestServer(server, executor, router, options.maxBodyBytes());
    server.setExecutor(executor);
    server.createContext("/", rest::handle);
    server.start();
    return rest;
  }

  /** The bound address (with the port chosen when port 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  public Router router() {
    return router;
  }

  private void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    int status;
    try {
      cors(exchange.getResponseHeaders());
      String connection = exchange.getRequestHeaders().getFirst("Connection");
      if (connection != null && connection.trim().equalsIgnoreCase("close")) {
        // Say so, as Go's server does: Node's keep-alive agent (Node >= 19) would otherwise put
        // the socket back in its pool and the next request of secret.js's node-fetch (which asks
        // for close) would meet a closed socket.
        exchange.getResponseHeaders().set("Connection", "close");
      }
      if (method.equals("OPTIONS")) {
        preflight(exchange);
        status = 204;
      } else {
        RestResponse response = answer(exchange, method, path);
        status = send(exchange, response);
      }
    } finally {
      exchange.close();
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {} {} ms", method, path, status, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private RestResponse answer(HttpExchange exchange, String method, String path) {
    try {
      Router.Match match = router.match(method, path == null || path.isEmpty() ? "/" : path);
      byte[] body = readBody(exchange);
      RestRequest request =
          new RestRequest(
              method,
              path,
              match.params(),
              RestRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
              headers(exchange.getRequestHeaders()),
              body);
      return match.route().handler().handle(request);
    } catch (ApiException e) {
      return new RestResponse(
          e.httpStatus(), RestJson.error(e.status(), e.getMessage()), e.headers());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(GrpcStatus.UNAVAILABLE, "the node is stopping");
    } catch (IOException e) {
      return error(GrpcStatus.INVALID_ARGUMENT, "the request body could not be read");
    } catch (RuntimeException | Error e) {
      // A bug: the client gets no details (they could carry state), the log names the place.
      LOG.error("{} {} failed: {}", method, path, e.toString());
      LOG.debug("{} {} failed", method, path, e);
      return error(GrpcStatus.INTERNAL, "internal error");
    }
  }

  private static RestResponse error(GrpcStatus status, String message) {
    return new RestResponse(status.httpStatus(), RestJson.error(status, message), Map.of());
  }

  private byte[] readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBodyBytes) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw ApiException.invalidArgument("invalid Content-Length: " + length);
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        GrpcStatus.RESOURCE_EXHAUSTED,
        413,
        "the request body is larger than " + maxBodyBytes + " bytes",
        Map.of());
  }

  private static Map<String, String> headers(Headers headers) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (!values.isEmpty()) {
            out.put(name, values.get(0));
          }
        });
    return out;
  }

  private static void cors(Headers headers) {
    headers.set("Access-Control-Allow-Origin", "*");
    headers.set("Access-Control-Expose-Headers", QueryRoute.HEIGHT_HEADER);
  }

  private static void preflight(HttpExchange exchange) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    String requested = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
    headers.set(
        "Access-Control-Allow-Headers",
        requested == null || requested.isBlank() ? ALLOWED_HEADERS : requested);
    headers.set("Access-Control-Max-Age", "600");
    exchange.sendResponseHeaders(204, -1);
  }

  private static int send(HttpExchange exchange, RestResponse response) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    response.headers().forEach(headers::set);
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    return response.status();
  }

  /**
   * Stops listening and waits up to a second for requests in progress (long polls are released
   * first by closing the {@link CommitFeed}).
   */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
