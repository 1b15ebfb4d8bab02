package io.arcanum.node.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.node.rest.http.Route;
import io.arcanum.node.rest.routes.OpenApiRoutes;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document in the repository describes exactly the routes the node serves: a route
 * added without documenting it, or documented without serving it, fails here.
 */
class OpenApiDocumentTest {
  static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head");

  final JsonNode document = parse();

  @Test
  void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
    Set<String> served = new TreeSet<>();
    for (Route route : RestServer.routes(new FakeChain(), RestOptions.at("127.0.0.1", 0, 1024))) {
      served.add(route.key());
    }
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                if (METHODS.contains(method)) {
                  documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
              });
    }

    assertThat(documented).isEqualTo(served);
  }

  @Test
  void everyOperationHasAnOkAnswerAndEveryReferenceResolves() {
    document
        .get("paths")
        .forEach(
            path ->
                path.forEach(
                    operation -> {
                      assertThat(operation.at("/responses/200").isMissingNode())
                          .as(operation.path("operationId").asText())
                          .isFalse();
                      assertThat(operation.path("operationId").asText()).isNotEmpty();
                    }));
    checkRefs(document);
  }

  private void checkRefs(JsonNode node) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        assertThat(document.at(ref.asText().substring(1)).isMissingNode())
            .as("%s resolves", ref.asText())
            .isFalse();
      }
      node.forEach(this::checkRefs);
    } else if (node.isArray()) {
      node.forEach(this::checkRefs);
    }
  }

  private static JsonNode parse() {
    try {
      return RestHttp.JSON.readTree(OpenApiRoutes.document());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
