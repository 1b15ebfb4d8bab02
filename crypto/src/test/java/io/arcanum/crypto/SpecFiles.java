package io.arcanum.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Test access to the shared specification folder ({@code ../shared/spec}) and its vectors. */
public final class SpecFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecFiles() {}

  /** The spec folder: system property {@code arcanum.spec.dir}, else found upwards from here. */
  public static Path specDir() {
    String configured = System.getProperty("arcanum.spec.dir");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured).normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("spec");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/spec not found; set -Darcanum.spec.dir to the specification folder");
  }

  /** Parses a JSON file below the spec folder, e.g. {@code vectors/vectors.json}. */
  public static JsonNode json(String relative) {
    try {
      return JSON.readTree(specDir().resolve(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The two-seed vectors of {@code vectors/vectors.json}. */
  public static JsonNode vectors() {
    return json("vectors/vectors.json");
  }

  /** Decodes lowercase or uppercase hex. */
  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** Reads a field of a vector section as hex bytes. */
  public static byte[] hex(JsonNode section, String field) {
    JsonNode value = section.get(field);
    if (value == null) {
      throw new IllegalArgumentException("vector has no field '" + field + "'");
    }
    return hex(value.asText());
  }
}
