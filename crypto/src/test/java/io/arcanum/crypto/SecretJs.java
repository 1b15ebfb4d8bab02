package io.arcanum.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unmodified npm package secretjs@1.22.1 as a reference for every module's tests (shared
 * through crypto's test-jar): Node scripts that use it, and its generated protobuf sources.
 * Installed into {@code build/secretjs} by {@code .ci/install-secretjs} when missing. Needs
 * Node.js; without it the tests are skipped locally and fail in CI ({@code CI=true}).
 */
public final class SecretJs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path nodeModules;

  private SecretJs() {}

  /** {@code build/secretjs/node_modules}, installing secretjs first if needed. */
  public static synchronized Path nodeModules() throws IOException, InterruptedException {
    if (nodeModules != null) {
      return nodeModules;
    }
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (!ci) {
      assumeTrue(
          run(List.of("node", "--version"), null, null).exitCode == 0,
          "Node.js is not on PATH; secretjs reference tests skipped (CI runs them)");
    }
    Path dir = Path.of(System.getProperty("arcanum.secretjs.dir", "../build/secretjs"));
    Path modules = dir.resolve("node_modules").toAbsolutePath().normalize();
    if (!Files.exists(modules.resolve("secretjs/package.json"))) {
      Path installer = Path.of("../.ci/install-secretjs").toAbsolutePath().normalize();
      Result install = run(List.of("bash", installer.toString()), null, null);
      assertThat(install.exitCode).as("secretjs install failed:\n%s", install.stderr).isZero();
    }
    JsonNode pkg = JSON.readTree(modules.resolve("secretjs/package.json").toFile());
    assertThat(pkg.get("version").asText()).isEqualTo("1.22.1");
    nodeModules = modules;
    return modules;
  }

  /** secretjs's TypeScript sources generated from the protos ({@code src/protobuf}). */
  public static Path protobufSources() throws IOException, InterruptedException {
    return nodeModules().resolve("secretjs/src/protobuf");
  }

  /** Runs a Node script with one JSON job on stdin and returns the JSON it prints. */
  public static JsonNode runScript(Path script, JsonNode job)
      throws IOException, InterruptedException {
    Result result =
        run(List.of("node", script.toString()), JSON.writeValueAsString(job), nodeModules());
    assertThat(result.exitCode).as("node script failed:\n%s", result.stderr).isZero();
    return JSON.readTree(result.stdout);
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(List<String> command, String stdin, Path nodePath)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (nodePath != null) {
      pb.environment().put("NODE_PATH", nodePath.toString());
    }
    Path stderr = Files.createTempFile("arcanum-node", ".err");
    pb.redirectError(stderr.toFile()); // a full stderr pipe must not block the child
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      Files.deleteIfExists(stderr);
      return new Result(-1, "", e.getMessage());
    }
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] out = p.getInputStream().readAllBytes();
    boolean finished = p.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      p.destroyForcibly();
    }
    String err = Files.readString(stderr);
    Files.deleteIfExists(stderr);
    return finished
        ? new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), err)
        : new Result(-1, "", "timed out: " + command + "\n" + err);
  }
}
