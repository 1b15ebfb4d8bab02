package io.arcanum.node.rest;

import static io.arcanum.node.rest.TxRoutesTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.node.rest.routes.OpenApiRoutes;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer on its own (a fake chain behind it): CORS for browsers, the gateway's JSON for
 * unknown routes and wrong methods, bounded bodies, and a bug answered as a bare "internal error"
 * with no stack trace or exception text.
 */
class RestServerTest {
  static final int MAX_BODY = 4096;

  final FakeChain chain = new FakeChain();
  RestServer server;
  RestHttp http;

  @BeforeEach
  void start() throws Exception {
    server =
        RestServer.start(
            chain,
            new RestOptions(
                new java.net.InetSocketAddress("127.0.0.1", 0),
                MAX_BODY,
                RestOptions.DEFAULT_BLOCK_MODE_TIMEOUT));
    http = new RestHttp(URI.create("http://127.0.0.1:" + server.address().getPort()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aPreflightForAnyPathAllowsEveryOriginAndTheHeadersAsked() throws Exception {
    RestHttp.Reply reply =
        http.method(
            "OPTIONS",
            "/cosmos/tx/v1beta1/txs",
            "Origin",
            "http://localhost:3000",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type,x-cosmos-block-height");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.header("access-control-allow-origin")).isEqualTo("*");
    assertThat(reply.header("access-control-allow-methods")).contains("POST").contains("GET");
    assertThat(reply.header("access-control-allow-headers"))
        .isEqualTo("content-type,x-cosmos-block-height");
    assertThat(http.method("OPTIONS", "/anything").header("access-control-allow-headers"))
        .containsIgnoringCase("content-type")
        .containsIgnoringCase("x-cosmos-block-height");
  }

  @Test
  void answersAndErrorsCarryCorsHeaders() throws Exception {
    RestHttp.Reply ok = http.get("/registration/v1beta1/tx-key");
    RestHttp.Reply missing = http.get("/nowhere");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("access-control-allow-origin")).isEqualTo("*");
    assertThat(ok.header("access-control-expose-headers")).isEqualTo("x-cosmos-block-height");
    assertThat(missing.header("access-control-allow-origin")).isEqualTo("*");
  }

  @Test
  void anUnknownRouteIsTheGatewaysNotFound() throws Exception {
    for (String path :
        new String[] {"/", "/nowhere", "/cosmos/auth/v1beta1/accounts/", "/compute/v1beta1"}) {
      RestHttp.Reply reply = http.get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.text()).isEqualTo("{\"code\":5,\"message\":\"Not Found\",\"details\":[]}");
    }
  }

  @Test
  void aWrongMethodIs405NamingTheAllowedOnes() throws Exception {
    RestHttp.Reply put = http.method("PUT", "/cosmos/tx/v1beta1/txs");
    RestHttp.Reply post = http.post("/compute/v1beta1/codes", "{}");

    assertThat(error(put)).isEqualTo("405 12 Method Not Allowed");
    assertThat(put.header("allow")).isEqualTo("POST, GET, OPTIONS");
    assertThat(error(post)).isEqualTo("405 12 Method Not Allowed");
    assertThat(post.header("allow")).isEqualTo("GET, OPTIONS");
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    String body = "{\"txBytes\":\"" + "A".repeat(MAX_BODY) + "\"}";

    assertThat(error(http.post("/cosmos/tx/v1beta1/txs", body)))
        .isEqualTo("413 8 the request body is larger than 4096 bytes");
  }

  @Test
  void aBugIsAnInternalErrorWithoutDetails() throws Exception {
    chain.queries =
        path -> {
          throw new IllegalStateException("detail of a bug");
        };

    RestHttp.Reply reply = http.get("/registration/v1beta1/tx-key");

    assertThat(reply.text())
        .isEqualTo("{\"code\":13,\"message\":\"internal error\",\"details\":[]}");
    assertThat(reply.status()).isEqualTo(500);
  }

  @Test
  void aChainInternalErrorIsNotPassedOnAndOtherCodesMapAsTheSdk() throws Exception {
    chain.queries = path -> new QueryResponse(1, "undefined", "panic: at line 3", null, 1, null);
    assertThat(error(http.get("/registration/v1beta1/tx-key"))).isEqualTo("500 13 internal error");

    Map<String, String> cases =
        Map.of(
            "sdk/38", "404 5",
            "sdk/22", "404 5",
            "sdk/7", "400 3",
            "sdk/18", "400 3",
            "sdk/26", "400 3",
            "sdk/4", "401 16",
            "sdk/11", "500 2",
            "compute/4", "500 2",
            "compute/9", "500 2");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String[] parts = c.getKey().split("/");
      chain.queries =
          path -> new QueryResponse(Integer.parseInt(parts[1]), parts[0], "why", null, 1, null);
      assertThat(error(http.get("/registration/v1beta1/tx-key")))
          .as(c.getKey())
          .isEqualTo(c.getValue() + " why");
    }
  }

  @Test
  void aRequestAskingToCloseTheConnectionIsToldItIsClosed() throws Exception {
    // secret.js's node-fetch 2 sends "Connection: close" but Node's keep-alive agent pools the
    // socket unless the answer says so too; the next request then met a closed socket.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.address().getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET /arcanum/v1/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);

      assertThat(answer)
          .startsWith("HTTP/1.1 200")
          .containsIgnoringCase("\r\nConnection: close\r\n");
    }
  }

  @Test
  void theOpenApiDocumentIsServed() throws Exception {
    RestHttp.Reply reply = http.get(OpenApiRoutes.PATH);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).isEqualTo(OpenApiRoutes.document());
    assertThat(reply.json().get("openapi").asText()).startsWith("3.");
  }
}
