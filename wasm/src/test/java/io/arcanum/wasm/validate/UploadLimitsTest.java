package io.arcanum.wasm.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.wasm.VmLimits;
import io.arcanum.wasm.testing.TestEnv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Size, gzip and configurability rules that need generated rather than WAT inputs. */
class UploadLimitsTest {
  private final ContractValidator validator = new ContractValidator(VmLimits.secretDefaults());
  private final byte[] echo = TestEnv.resource("runtime/echo.wasm");

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void gzipUploadHasTheSameCodeHashAsTheRawModule() throws IOException {
    assertThat(validator.validate(gzip(echo)).codeHash())
        .isEqualTo(validator.validate(echo).codeHash());
  }

  @Test
  void aGzipBombIsRefusedWithoutInflatingIt() throws IOException {
    byte[] bomb = gzip(new byte[64 * 1024 * 1024]);
    assertThat(bomb.length).isLessThan(200_000);
    assertThatThrownBy(() -> validator.validate(bomb))
        .isInstanceOf(WasmValidationException.class)
        .satisfies(
            e ->
                assertThat(((WasmValidationException) e).rule())
                    .isEqualTo(ValidationRule.TOO_LARGE))
        .hasMessageContaining("inflates to more than 2097152 bytes");
  }

  @Test
  void aTruncatedGzipStreamIsMalformed() throws IOException {
    byte[] gz = gzip(echo);
    byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
    assertThatThrownBy(() -> validator.validate(truncated))
        .isInstanceOf(WasmValidationException.class)
        .satisfies(
            e ->
                assertThat(((WasmValidationException) e).rule())
                    .isEqualTo(ValidationRule.MALFORMED_GZIP));
  }

  @Test
  void rawModulesAboveTheLimitAreTooLarge() {
    byte[] big = Arrays.copyOf(echo, 2 * 1024 * 1024 + 1);
    assertThatThrownBy(() -> validator.validate(big))
        .isInstanceOf(WasmValidationException.class)
        .hasMessageContaining("TOO_LARGE: 2097153 bytes, limit 2097152");
  }

  @Test
  void emptyAndForeignBytesAreNotWasm() {
    assertThatThrownBy(() -> validator.validate(new byte[0])).hasMessageContaining("NOT_WASM");
    assertThatThrownBy(() -> validator.validate("hello world".getBytes()))
        .hasMessageContaining("NOT_WASM")
        .hasMessageContaining("magic");
    byte[] version2 = echo.clone();
    version2[4] = 2;
    assertThatThrownBy(() -> validator.validate(version2)).hasMessageContaining("version");
  }

  @Test
  void limitsAreConfigurable() {
    VmLimits tight = VmLimits.secretDefaults().withMaxMemoryPages(1);
    assertThatThrownBy(() -> new ContractValidator(tight).validate(echo))
        .hasMessageContaining("MEMORY_TOO_LARGE: 2 initial pages, limit 1");
    assertThatThrownBy(() -> VmLimits.secretDefaults().withMaxMemoryPages(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(VmLimits.secretDefaults().withCapabilities(Set.of("iterator")).iteratorEnabled())
        .isTrue();
  }
}
