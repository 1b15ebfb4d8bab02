package io.arcanum.node.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** A real HTTP client for the REST tests (the JDK's), reading every answer as JSON. */
final class RestHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: status, headers and the body parsed as JSON (the test fails if it is not). */
  record Reply(int status, java.net.http.HttpHeaders headers, String text) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + text, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final URI base;
  private final HttpClient client = HttpClient.newHttpClient();

  RestHttp(URI base) {
    this.base = base;
  }

  Reply get(String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).GET().build());
  }

  CompletableFuture<Reply> getAsync(String path) {
    return client
        .sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Reply(r.statusCode(), r.headers(), r.body()));
  }

  /** A POST with secret.js's Content-Type, {@code text/plain;charset=UTF-8}. */
  Reply post(String path, String body) throws IOException, InterruptedException {
    return send(postRequest(path, body, "text/plain;charset=UTF-8"));
  }

  Reply post(String path, String body, String contentType)
      throws IOException, InterruptedException {
    return send(postRequest(path, body, contentType));
  }

  CompletableFuture<Reply> postAsync(String path, String body) {
    return client
        .sendAsync(
            postRequest(path, body, "text/plain;charset=UTF-8"),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Reply(r.statusCode(), r.headers(), r.body()));
  }

  Reply method(String method, String path, String... headers)
      throws IOException, InterruptedException {
    return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpRequest postRequest(String path, String body, String contentType) {
    return request(path, "Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers(), r.body());
  }
}
