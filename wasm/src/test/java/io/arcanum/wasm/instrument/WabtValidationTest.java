package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A second opinion on validity when wabt happens to be installed (Debian package {@code wabt}):
 * every instrumented test module passes {@code wasm-validate}. Skipped without wabt; the other
 * tests rely on Chicory's parser and on running the output.
 */
class WabtValidationTest {
  private static final Path WASM_VALIDATE = Path.of("/usr/bin/wasm-validate");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gas_basics",
        "imports",
        "loop_heavy",
        "recursion",
        "semantics",
        "named",
        "empty",
        "no_exports",
        "types_only",
        "realistic"
      })
  void instrumentedModulesPassWasmValidate(String name) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(WASM_VALIDATE), "wabt is not installed");
    Path file = dir.resolve(name + ".wasm");
    Files.write(file, Metered.instrumented(name));

    Process process =
        new ProcessBuilder(WASM_VALIDATE.toString(), file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
  }
}
