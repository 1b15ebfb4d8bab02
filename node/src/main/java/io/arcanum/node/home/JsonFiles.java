package io.arcanum.node.home;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reading and writing the home's JSON files strictly and atomically. */
public final class JsonFiles {
  /** Duplicate keys refused, so a file cannot say two things about one setting. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFiles() {}

  /** The file's JSON; a clear error if it is missing or not JSON. */
  public static JsonNode read(Path file) throws ConfigException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + " is missing; run `arcanum init` for this home first");
    }
    try {
      return MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code json} through a temporary file moved into place; {@code secret} files 0600. */
  public static void write(Path file, JsonNode json, boolean secret) throws IOException {
    write(file, (MAPPER.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8), secret);
  }

  /** Writes {@code bytes} through a temporary file moved into place; {@code secret} files 0600. */
  public static void write(Path file, byte[] bytes, boolean secret) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      // A temporary file is created 0600; public files are made readable as any other file.
      permissions(temp, secret ? "rw-------" : "rw-r--r--");
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static void permissions(Path file, String mode) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    } catch (UnsupportedOperationException notPosix) {
      // best effort where the file system has no POSIX permissions
    }
  }

  /** Refuses fields other than {@code allowed}, naming the file and the field. */
  public static void onlyFields(Path file, String at, JsonNode node, List<String> allowed)
      throws ConfigException {
    if (node == null || !node.isObject()) {
      throw new ConfigException(file + ": " + at + " must be a JSON object");
    }
    Set<String> names = Set.copyOf(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new ConfigException(
            file + ": " + at + " has an unknown field \"" + name + "\"; known: " + allowed);
      }
    }
  }

  /** A required text field. */
  public static String text(Path file, JsonNode node, String field) throws ConfigException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new ConfigException(file + ": \"" + field + "\" must be a string");
    }
    return value.asText();
  }

  /** A required integer field. */
  public static long integer(Path file, JsonNode node, String field) throws ConfigException {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new ConfigException(file + ": \"" + field + "\" must be an integer");
    }
    return value.asLong();
  }
}
