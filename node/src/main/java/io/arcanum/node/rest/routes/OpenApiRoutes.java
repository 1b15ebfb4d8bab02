package io.arcanum.node.rest.routes;

import io.arcanum.node.rest.http.RestResponse;
import io.arcanum.node.rest.http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 description of exactly the routes this node serves, kept
 * in the repository as {@code io/arcanum/node/rest/openapi.json} (a test compares it with the
 * router's routes).
 */
public final class OpenApiRoutes {
  public static final String RESOURCE = "/io/arcanum/node/rest/openapi.json";
  public static final String PATH = "/openapi.json";

  private OpenApiRoutes() {}

  public static List<Route> routes() {
    String document = document();
    return List.of(Route.get(PATH, r -> RestResponse.ok(document)));
  }

  /** The document's text. */
  public static String document() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the node's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
