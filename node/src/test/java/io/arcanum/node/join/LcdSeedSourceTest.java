package io.arcanum.node.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the encrypted-seed route's answers are read, against a stub HTTP server answering as the
 * gateway does: the seed; "not registered" as the registration module says it (Unknown, HTTP 500)
 * or as NotFound; other errors; and answers that are not a node's.
 */
@Timeout(60)
class LcdSeedSourceTest {
  /** Its standard base64 holds {@code /} and {@code +}, which a path cannot carry as they are. */
  static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (0xfb + i);
    }
  }

  HttpServer server;
  final AtomicReference<String> requested = new AtomicReference<>();
  volatile int status;
  volatile String contentType;
  volatile String body;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requested.set(exchange.getRequestURI().getRawPath());
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  LcdSeedSource source() {
    return LcdSeedSource.of("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void answer(int status, String body) {
    this.status = status;
    this.contentType = "application/json";
    this.body = body;
  }

  @Test
  void theSeedIsAskedForByUrlSafeBase64AndReturned() throws Exception {
    byte[] seed = new byte[96];
    seed[0] = 7;
    answer(200, "{\"encrypted_seed\":\"" + Base64.getEncoder().encodeToString(seed) + "\"}");
    assertThat(source().encryptedSeed(KEY)).hasValueSatisfying(v -> assertThat(v).isEqualTo(seed));
    String key = Base64.getUrlEncoder().encodeToString(KEY);
    assertThat(Base64.getEncoder().encodeToString(KEY)).contains("/");
    assertThat(requested.get())
        .isEqualTo("/registration/v1beta1/encrypted-seed/" + key.replace("=", "%3D"));
  }

  @Test
  void notAuthenticatedAndNotFoundMeanNotRegistered() throws Exception {
    answer(
        500,
        "{\"code\":2,\"message\":\"node 0xfbfc has not been authenticated yet: unknown address\","
            + "\"details\":[]}");
    assertThat(source().encryptedSeed(KEY)).isEmpty();
    answer(404, "{\"code\":5,\"message\":\"not found\",\"details\":[]}");
    assertThat(source().encryptedSeed(KEY)).isEmpty();
    answer(200, "{\"encrypted_seed\":\"\"}");
    assertThat(source().encryptedSeed(KEY)).isEmpty();
  }

  @Test
  void anotherErrorOfTheNodeIsANodeError() {
    answer(400, "{\"code\":3,\"message\":\"invalid pub_key\",\"details\":[]}");
    assertThatThrownBy(() -> source().encryptedSeed(KEY))
        .isInstanceOfSatisfying(
            JoinException.class,
            e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.NODE_ERROR))
        .hasMessageContaining("invalid pub_key");
    answer(200, "{\"encrypted_seed\":\"not base64!\"}");
    assertThatThrownBy(() -> source().encryptedSeed(KEY))
        .isInstanceOfSatisfying(
            JoinException.class,
            e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.NODE_ERROR))
        .hasMessageContaining("not base64");
  }

  @Test
  void aWebPageOrNobodyIsAnUnreachableNode() throws Exception {
    status = 502;
    contentType = "text/html";
    body = "<html><body>Bad Gateway</body></html>";
    assertThatThrownBy(() -> source().encryptedSeed(KEY))
        .isInstanceOfSatisfying(
            JoinException.class,
            e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.NODE_UNREACHABLE));
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThatThrownBy(() -> LcdSeedSource.of("http://127.0.0.1:" + closed).encryptedSeed(KEY))
        .isInstanceOfSatisfying(
            JoinException.class,
            e -> assertThat(e.problem()).isEqualTo(JoinException.Problem.NODE_UNREACHABLE));
  }
}
